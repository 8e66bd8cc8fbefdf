package nl.loket.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormProperty;
import org.springframework.stereotype.Service;

/** Reading uploaded BPMN models and deploying files through the engine, in one deployment (all or nothing). */
@Service
public class ModelDeployments {

    /** The BPMN elements that carry a form a person fills in. */
    public enum FormElement { START_EVENT, USER_TASK }

    /**
     * What a start event or user task says about its form, as written in the model: a {@code camunda:formRef}
     * (with its binding and version), a {@code camunda:formKey}, or generated form fields
     * ({@code camunda:formData} / {@code camunda:formProperty}). Attributes the element does not have are null.
     *
     * @param processStart the process's own (none) start event, whose form starts a request
     */
    public record FormDeclaration(String elementId, FormElement element, boolean processStart, String formRef,
                                  String formRefBinding, String formRefVersion, String formKey,
                                  boolean generatedFields) {
    }

    /**
     * One executable process of an uploaded model: its key, its {@code camunda:property} entries, and the form
     * declarations of its start events and user tasks (sub-processes included). Elements without any form are
     * left out, apart from the process's none start event, which is always there if the process has one.
     */
    public record ProcessSummary(String key, Map<String, String> properties, List<FormDeclaration> forms) {
    }

    /** What Loket needs to know of an uploaded BPMN file before deploying it. */
    public record ModelSummary(List<ProcessSummary> processes) {

        public List<String> executableProcessKeys() {
            return processes.stream().map(ProcessSummary::key).toList();
        }
    }

    private final RepositoryService repositoryService;

    ModelDeployments(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Reads a BPMN file; throws the model API's exception if it is not BPMN. */
    public ModelSummary summarize(byte[] bpmn) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        return new ModelSummary(model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).map(ModelDeployments::summarize).toList());
    }

    private static ProcessSummary summarize(Process process) {
        List<FormDeclaration> forms = new ArrayList<>();
        collect(process.getFlowElements(), true, forms);
        return new ProcessSummary(process.getId(), ProcessCatalogReader.propertiesOf(process), List.copyOf(forms));
    }

    private static void collect(Collection<FlowElement> elements, boolean processLevel, List<FormDeclaration> into) {
        for (FlowElement element : elements) {
            if (element instanceof StartEvent start) {
                declaration(start.getId(), FormElement.START_EVENT,
                        processLevel && start.getEventDefinitions().isEmpty(), start.getCamundaFormRef(),
                        start.getCamundaFormRefBinding(), start.getCamundaFormRefVersion(),
                        start.getCamundaFormKey(), start.getExtensionElements(), into);
            } else if (element instanceof UserTask task) {
                declaration(task.getId(), FormElement.USER_TASK, false, task.getCamundaFormRef(),
                        task.getCamundaFormRefBinding(), task.getCamundaFormRefVersion(), task.getCamundaFormKey(),
                        task.getExtensionElements(), into);
            } else if (element instanceof SubProcess subProcess) {
                collect(subProcess.getFlowElements(), false, into);
            }
        }
    }

    private static void declaration(String elementId, FormElement element, boolean processStart, String formRef,
                                    String binding, String version, String formKey, ExtensionElements extensions,
                                    List<FormDeclaration> into) {
        boolean generated = extensions != null
                && (extensions.getChildElementsByType(CamundaFormData.class).stream()
                        .anyMatch(data -> !data.getCamundaFormFields().isEmpty())
                    || !extensions.getChildElementsByType(CamundaFormProperty.class).isEmpty());
        if (formRef != null || formKey != null || generated || processStart) {
            into.add(new FormDeclaration(elementId, element, processStart, formRef, binding, version, formKey,
                    generated));
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
