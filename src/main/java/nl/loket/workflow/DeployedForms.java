package nl.loket.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Camunda Form (form-js JSON) linked to a start event or user task, as the engine resolves it:
 * {@code camunda:formRef} with binding latest, deployment or version, and {@code camunda-forms:deployment:} keys.
 */
@Service
public class DeployedForms {

    private static final Logger log = LoggerFactory.getLogger(DeployedForms.class);
    private static final String APP_FORM_PREFIX = "camunda-forms:app:";

    private final FormService formService;
    private final RepositoryService repositoryService;

    DeployedForms(FormService formService, RepositoryService repositoryService) {
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    /** The start form of the latest version of the process; empty if it links none Loket can read. */
    public Optional<String> startForm(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        return definition == null ? Optional.empty() : startFormOfDefinition(definition.getId());
    }

    /**
     * The start form of one process definition (version). A {@code camunda-forms:app:} key names a form packaged
     * with Loket (on the classpath, e.g. from the top-level forms/ folder) instead of one in the deployment.
     */
    public Optional<String> startFormOfDefinition(String definitionId) {
        try (InputStream form = formService.getDeployedStartForm(definitionId)) {
            return Optional.of(new String(form.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ProcessEngineException e) {
            String formKey = startFormKey(definitionId);
            if (formKey != null && formKey.startsWith(APP_FORM_PREFIX)) {
                return appForm(formKey.substring(APP_FORM_PREFIX.length()));
            }
            log.debug("No Camunda Form for the start of {}: {}", definitionId, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String startFormKey(String definitionId) {
        try {
            return formService.getStartFormKey(definitionId);
        } catch (ProcessEngineException e) {
            return null;
        }
    }

    /** A form packaged with the application; only .form files, never a path outside the classpath root. */
    private Optional<String> appForm(String path) {
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
            return Optional.of(new String(form.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Camunda Form linked to a user task; empty if it links none Loket can read. */
    public Optional<String> taskForm(String taskId) {
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            return Optional.of(new String(form.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ProcessEngineException e) {
            log.debug("No Camunda Form for task {}: {}", taskId, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
