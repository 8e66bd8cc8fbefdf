package nl.loket.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Camunda Form (form-js JSON) linked to a start event or user task, as the engine resolves it:
 * {@code camunda:formRef} with binding latest, deployment or version, and {@code camunda-forms:deployment:} keys.
 * A {@code camunda-forms:app:} key names a form packaged with Loket (on the classpath, e.g. from the top-level
 * forms/ folder), never one in a deployment: that is what "app" means to Camunda too.
 */
@Service
public class DeployedForms {

    /** A Camunda Form deployed under its id, in one of its versions. */
    public record DeployedForm(String id, int version, String json) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeployedForms.class);
    private static final String APP_FORM_PREFIX = "camunda-forms:app:";
    private static final String DEPLOYMENT_FORM_PREFIX = "camunda-forms:deployment:";

    private final FormService formService;
    private final RepositoryService repositoryService;
    private final CommandExecutor commands;

    DeployedForms(FormService formService, RepositoryService repositoryService, ProcessEngine engine) {
        this.formService = formService;
        this.repositoryService = repositoryService;
        // the public API has no query for form definitions; the engine's own command resolves a formRef
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /** The start form of the latest version of the process; empty if it links none Loket can read. */
    public Optional<String> startForm(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        return definition == null ? Optional.empty() : startFormOfDefinition(definition.getId());
    }

    /** The start form of one process definition (version). */
    public Optional<String> startFormOfDefinition(String definitionId) {
        return linkedForm(() -> formService.getStartFormData(definitionId),
                () -> formService.getDeployedStartForm(definitionId), "the start of " + definitionId);
    }

    /** The Camunda Form linked to a user task; empty if it links none Loket can read. */
    public Optional<String> taskForm(String taskId) {
        return linkedForm(() -> formService.getTaskFormData(taskId), () -> formService.getDeployedTaskForm(taskId),
                "task " + taskId);
    }

    /**
     * A form deployed in the engine under its id ({@code camunda:formRef}): the latest version when
     * {@code version} is null, else that version; empty if there is none.
     */
    public Optional<DeployedForm> deployed(String formId, Integer version) {
        CamundaFormRefImpl ref = new CamundaFormRefImpl(formId, version == null ? "latest" : "version");
        ref.setVersion(version);
        CamundaFormDefinition definition = commands.execute(new GetCamundaFormDefinitionCmd(ref, null));
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream form = repositoryService.getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return Optional.of(new DeployedForm(formId, definition.getVersion(), read(form)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form packaged with the application; only .form files, never a path outside the classpath root. */
    public Optional<String> appForm(String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        if (!resource.endsWith(".form") || resource.contains("..")) {
            log.warn("Refused app form '{}': not a .form file on the classpath", path);
            return Optional.empty();
        }
        try (InputStream form = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (form == null) {
                log.warn("App form '{}' not found on the classpath", path);
                return Optional.empty();
            }
            return Optional.of(read(form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The engine is asked for a deployed form only when the step links one ({@code camunda:formRef} or a
     * {@code camunda-forms:deployment:} key): a failing engine command marks the caller's transaction
     * rollback-only, even when its exception is caught here (submitting a request reads its start form).
     */
    private Optional<String> linkedForm(Supplier<FormData> data, Supplier<InputStream> deployed, String subject) {
        FormData form;
        try {
            form = data.get();
        } catch (ProcessEngineException e) {
            log.debug("No form data for {}: {}", subject, e.getMessage());
            return Optional.empty();
        }
        String formKey = form.getFormKey();
        if (form.getCamundaFormRef() == null) {
            if (formKey != null && formKey.startsWith(APP_FORM_PREFIX)) {
                return appForm(formKey.substring(APP_FORM_PREFIX.length()));
            }
            if (formKey == null || !formKey.startsWith(DEPLOYMENT_FORM_PREFIX)) {
                log.debug("No Camunda Form for {}: form key {}", subject, formKey);
                return Optional.empty();
            }
        }
        try (InputStream json = deployed.get()) {
            return Optional.of(read(json));
        } catch (ProcessEngineException e) {
            log.warn("The Camunda Form of {} is not deployed: {}", subject, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream form) throws IOException {
        return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
}
