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

    /** The start form of one process definition (version). */
    public Optional<String> startFormOfDefinition(String definitionId) {
        try (InputStream form = formService.getDeployedStartForm(definitionId)) {
            return Optional.of(new String(form.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ProcessEngineException e) {
            log.debug("No Camunda Form for the start of {}: {}", definitionId, e.getMessage());
            return Optional.empty();
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

    /** The latest definition id of a process, to start exactly the version whose form was shown. */
    public Optional<String> latestDefinitionId(String processKey) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult()).map(ProcessDefinition::getId);
    }
}
