package nl.loket.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/** Reading uploaded BPMN models and deploying files through the engine, in one deployment (all or nothing). */
@Service
public class ModelDeployments {

    /**
     * A form a model links to: by form id ({@code camunda:formRef}) or by resource name
     * ({@code camunda-forms:deployment:} key), and whether it must come in the same deployment.
     */
    public record FormLink(String elementId, String formId, String resourceName, boolean sameDeployment) {
    }

    /** What Loket needs to know of an uploaded BPMN file before deploying it. */
    public record ModelSummary(List<String> executableProcessKeys, List<FormLink> formLinks) {
    }

    private static final String FORM_KEY_DEPLOYMENT = "camunda-forms:deployment:";

    private final RepositoryService repositoryService;

    ModelDeployments(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Reads a BPMN file; throws the model API's exception if it is not BPMN. */
    public ModelSummary summarize(byte[] bpmn) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        List<String> keys = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).map(Process::getId).toList();
        List<FormLink> links = new ArrayList<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            link(links, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
                    start.getCamundaFormKey());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            link(links, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
                    task.getCamundaFormKey());
        }
        return new ModelSummary(keys, links);
    }

    private static void link(List<FormLink> links, String elementId, String formRef, String binding, String formKey) {
        if (formRef != null) {
            links.add(new FormLink(elementId, formRef, null, "deployment".equals(binding)));
        } else if (formKey != null && formKey.startsWith(FORM_KEY_DEPLOYMENT)) {
            links.add(new FormLink(elementId, null, formKey.substring(FORM_KEY_DEPLOYMENT.length()), true));
        }
    }

    /** Deploys the files as one deployment; unchanged files are not deployed again. Returns the process keys. */
    public List<String> deploy(String name, Map<String, byte[]> files) {
        DeploymentBuilder builder = repositoryService.createDeployment().name(name).enableDuplicateFiltering(false)
                .source("loket-upload");
        files.forEach((fileName, content) -> builder.addInputStream(fileName, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
        return definitions == null ? List.of() : definitions.stream().map(ProcessDefinition::getKey).toList();
    }

    public long deploymentCount() {
        return repositoryService.createDeploymentQuery().count();
    }
}
