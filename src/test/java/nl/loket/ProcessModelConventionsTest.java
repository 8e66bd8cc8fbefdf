package nl.loket;

import static nl.loket.ProcessModels.baseName;
import static nl.loket.ProcessModels.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * House rules for every model in {@code processes/} and every form in {@code forms/} (see docs and STYLE): readable
 * ids, process id = file name, history TTL, forms and decisions that exist, async service tasks.
 * Each test collects every violation, so one run lists them all.
 */
class ProcessModelConventionsTest {

    /** BPMN's error element (spelled out: not java.lang.Error). */
    private static final Class<org.camunda.bpm.model.bpmn.instance.Error> BPMN_ERROR =
            org.camunda.bpm.model.bpmn.instance.Error.class;

    private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern ELEMENT_ID = Pattern.compile("^(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask"
            + "|SendTask|ReceiveTask|ScriptTask|Gateway|BoundaryEvent|IntermediateEvent|SubProcess|CallActivity|Flow"
            + "|TaskListener|Msg|Err)_[A-Z][A-Za-z0-9]+$");

    /** Which id prefix each kind of element carries (checked in this order: BoundaryEvent before other events). */
    private static final Map<Class<? extends ModelElementInstance>, String> PREFIX_BY_TYPE = new LinkedHashMap<>();

    static {
        PREFIX_BY_TYPE.put(StartEvent.class, "StartEvent");
        PREFIX_BY_TYPE.put(EndEvent.class, "EndEvent");
        PREFIX_BY_TYPE.put(BoundaryEvent.class, "BoundaryEvent");
        PREFIX_BY_TYPE.put(IntermediateCatchEvent.class, "IntermediateEvent");
        PREFIX_BY_TYPE.put(IntermediateThrowEvent.class, "IntermediateEvent");
        PREFIX_BY_TYPE.put(UserTask.class, "UserTask");
        PREFIX_BY_TYPE.put(ServiceTask.class, "ServiceTask");
        PREFIX_BY_TYPE.put(BusinessRuleTask.class, "BusinessRuleTask");
        PREFIX_BY_TYPE.put(SendTask.class, "SendTask");
        PREFIX_BY_TYPE.put(ReceiveTask.class, "ReceiveTask");
        PREFIX_BY_TYPE.put(ScriptTask.class, "ScriptTask");
        PREFIX_BY_TYPE.put(Gateway.class, "Gateway");
        PREFIX_BY_TYPE.put(SubProcess.class, "SubProcess");
        PREFIX_BY_TYPE.put(CallActivity.class, "CallActivity");
        PREFIX_BY_TYPE.put(Message.class, "Msg");
        PREFIX_BY_TYPE.put(BPMN_ERROR, "Err");
        PREFIX_BY_TYPE.put(CamundaTaskListener.class, "TaskListener");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void finds_the_process_models_so_the_other_checks_cannot_pass_vacuously() {
        assertThat(ProcessModels.bpmnFiles()).as("BPMN files under %s", ProcessModels.PROCESSES.toAbsolutePath())
                .isNotEmpty();
    }

    @Test
    void each_file_holds_one_executable_process_whose_id_is_the_kebab_case_file_name() {
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            List<String> executable = read(file).getModelElementsByType(Process.class).stream()
                    .filter(Process::isExecutable).map(Process::getId).toList();
            if (!executable.equals(List.of(baseName(file)))) {
                violations.add(file + ": executable process ids " + executable + ", expected [" + baseName(file) + "]");
            }
            if (!KEBAB_CASE.matcher(baseName(file)).matches()) {
                violations.add(file + ": file name (= process id) is not kebab-case");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void element_ids_are_readable_type_prefixed_names() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Path file : ProcessModels.bpmnFiles()) {
            for (ModelElementInstance element : namedElements(read(file))) {
                checked++;
                String id = element.getAttributeValue("id");
                if (id == null || !ELEMENT_ID.matcher(id).matches()) {
                    violations.add(file + ": " + typeName(element) + " id '" + id + "' does not match " + ELEMENT_ID);
                }
            }
        }
        assertThat(checked).as("elements checked").isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void element_id_prefix_names_the_kind_of_element() {
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            for (ModelElementInstance element : namedElements(read(file))) {
                String id = element.getAttributeValue("id");
                String prefix = expectedPrefix(element);
                if (id != null && prefix != null && !id.startsWith(prefix + "_")) {
                    violations.add(file + ": " + typeName(element) + " '" + id + "' should start with " + prefix + "_");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_executable_process_sets_a_history_time_to_live() {
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            for (Process process : read(file).getModelElementsByType(Process.class)) {
                String ttl = process.getCamundaHistoryTimeToLiveString();
                if (process.isExecutable() && (ttl == null || ttl.isBlank())) {
                    violations.add(file + ": process '" + process.getId() + "' has no camunda:historyTimeToLive");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_decision_sets_a_history_time_to_live() {
        // The engine enforces history TTL for decisions too (enforceHistoryTimeToLive): a DMN without it fails to deploy.
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.dmnFiles()) {
            for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                String ttl = decision.getCamundaHistoryTimeToLiveString();
                if (ttl == null || ttl.isBlank()) {
                    violations.add(file + ": decision '" + decision.getId() + "' has no camunda:historyTimeToLive");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_form_ref_names_a_form_in_the_forms_folder() throws IOException {
        Map<String, String> formIdsByFileName = formIdsByFileName();
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            BpmnModelInstance model = read(file);
            List<ModelElementInstance> withForms = new ArrayList<>();
            withForms.addAll(model.getModelElementsByType(StartEvent.class));
            withForms.addAll(model.getModelElementsByType(UserTask.class));
            for (ModelElementInstance element : withForms) {
                String formRef = element instanceof StartEvent start ? start.getCamundaFormRef()
                        : ((UserTask) element).getCamundaFormRef();
                if (formRef == null) {
                    continue;
                }
                String idOfFormFile = formIdsByFileName.get(formRef);
                if (!formIdsByFileName.containsKey(formRef)) {
                    violations.add(file + ": " + element.getAttributeValue("id") + " refers to form '" + formRef
                            + "' but " + ProcessModels.FORMS.resolve(formRef + ".form") + " does not exist");
                } else if (!idOfFormFile.equals(formRef)) {
                    violations.add(file + ": " + element.getAttributeValue("id") + " refers to form '" + formRef
                            + "' but that file's form id is '" + idOfFormFile + "'");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_decision_ref_names_a_decision_in_the_processes_folder() {
        Set<String> decisionIds = new TreeSet<>();
        for (Path file : ProcessModels.dmnFiles()) {
            Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
                    .forEach(decision -> decisionIds.add(decision.getId()));
        }
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            for (BusinessRuleTask task : read(file).getModelElementsByType(BusinessRuleTask.class)) {
                String decisionRef = task.getCamundaDecisionRef();
                if (decisionRef != null && !decisionIds.contains(decisionRef)) {
                    violations.add(file + ": " + task.getId() + " refers to decision '" + decisionRef
                            + "', not among " + decisionIds);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_service_task_with_a_delegate_expression_is_async_before() {
        List<String> violations = new ArrayList<>();
        for (Path file : ProcessModels.bpmnFiles()) {
            for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
                if (task.getCamundaDelegateExpression() != null && !task.isCamundaAsyncBefore()) {
                    violations.add(file + ": " + task.getId() + " calls " + task.getCamundaDelegateExpression()
                            + " without camunda:asyncBefore=\"true\"");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The inbox sorts and filters on the due date, and the requester is told by when a step is expected. */
    @Test
    void every_user_task_says_when_it_is_due() {
        List<String> violations = new ArrayList<>();
        int userTasks = 0;
        for (Path file : ProcessModels.bpmnFiles()) {
            for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
                userTasks++;
                if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
                    violations.add(file + ": " + task.getId() + " has no camunda:dueDate");
                }
            }
        }
        assertThat(userTasks).as("user tasks in the models").isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void every_form_id_equals_its_file_name() throws IOException {
        List<String> violations = new ArrayList<>();
        formIdsByFileName().forEach((fileName, id) -> {
            if (!fileName.equals(id)) {
                violations.add(ProcessModels.FORMS.resolve(fileName + ".form") + ": form id '" + id + "'");
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void delegate_expression_bean_names_are_found_for_the_spring_check() {
        // The Spring test that checks these against the application context must not pass on an empty list.
        assertThat(ProcessModels.beanName("${grantAccessDelegate}")).isEqualTo("grantAccessDelegate");
        assertThat(ProcessModels.beanName("${ lookup.delegate('x') }")).isEqualTo("lookup");
        assertThat(ProcessModels.beanName("not an expression")).isNull();
        assertThat(ProcessModels.delegateExpressionBeanNames()).isNotEmpty()
                .allMatch(name -> name.matches("[a-z][A-Za-z0-9]*"), "a decapitalised bean name");
    }

    /** The ids under the naming rule: flow nodes, messages, errors and task listeners; not sequence flows, not DI. */
    private static List<ModelElementInstance> namedElements(BpmnModelInstance model) {
        List<ModelElementInstance> elements = new ArrayList<>();
        elements.addAll(model.getModelElementsByType(FlowNode.class));
        elements.addAll(model.getModelElementsByType(Message.class));
        elements.addAll(model.getModelElementsByType(BPMN_ERROR));
        Collection<CamundaTaskListener> listeners = model.getModelElementsByType(CamundaTaskListener.class);
        listeners.stream().filter(listener -> listener.getAttributeValue("id") != null).forEach(elements::add);
        elements.removeIf(element -> element.getAttributeValue("id") == null && !(element instanceof FlowNode));
        return elements;
    }

    private static String expectedPrefix(ModelElementInstance element) {
        return PREFIX_BY_TYPE.entrySet().stream()
                .filter(entry -> entry.getKey().isInstance(element))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String typeName(ModelElementInstance element) {
        return element.getElementType().getTypeName();
    }

    /** Form file name without {@code .form} → the form's JSON {@code id} (null if it has none). */
    private static Map<String, String> formIdsByFileName() throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Path file : ProcessModels.formFiles()) {
            JsonNode id = JSON.readTree(Files.readString(file)).get("id");
            ids.put(baseName(file), id == null ? null : id.asText());
        }
        return ids;
    }
}
