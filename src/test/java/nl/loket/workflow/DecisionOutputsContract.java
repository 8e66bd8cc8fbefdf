package nl.loket.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Four-eyes reads a decision's outputs from the engine's history in one statement of its own: it must give what the
 * engine's own history query gives, for every type a decision table outputs, with several matched rules, with none,
 * without an evaluation, and for the latest of two evaluations.
 */
abstract class DecisionOutputsContract {

    static final String PROCESS = "decision-outputs-test";
    static final String DECISION = "decision-outputs";
    static final List<String> OUTPUTS = List.of("flag", "count", "big", "share", "label", "when");

    @Autowired ProcessHistoryService history;
    @Autowired HistoryService historyService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .businessRuleTask("BusinessRuleTask_First").camundaDecisionRef(DECISION)
                .userTask("UserTask_Wait")
                .businessRuleTask("BusinessRuleTask_Again").camundaDecisionRef(DECISION)
                .userTask("UserTask_End")
                .endEvent("EndEvent_Done")
                .done();
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                .addClasspathResource("workflow/decision-outputs.dmn").deploy();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test done", true, true, true, true));
    }

    @Test
    void outputs_of_every_type_from_two_rules_are_what_the_engine_query_gives() {
        String instance = start("two");

        for (String output : OUTPUTS) {
            assertThat(history.decisionOutputs(instance, DECISION, output)).as(output)
                    .isEqualTo(engineQuery(instance, output)).get().asList().isNotEmpty();
        }
        assertThat(history.decisionOutputs(instance, DECISION, "flag")).contains(List.of(true, false));
        assertThat(history.decisionOutputs(instance, DECISION, "count")).contains(List.of(3, -7));
        assertThat(history.decisionOutputs(instance, DECISION, "big")).contains(List.of(10_000_000_000L, 0L));
        assertThat(history.decisionOutputs(instance, DECISION, "share")).contains(List.of(0.25, -1.5));
        assertThat(history.decisionOutputs(instance, DECISION, "label"))
                .contains(List.of("tenant-owner", "privacy-owner"));
        // a date is not read from its column but through the engine's query; the second rule's empty entry gives
        // no output at all
        assertThat(history.decisionOutputs(instance, DECISION, "when").orElseThrow())
                .singleElement().isInstanceOf(Date.class);
    }

    @Test
    void an_evaluation_without_a_matching_rule_gives_no_outputs_and_none_gives_nothing() {
        String instance = start("nothing matches");

        assertThat(history.decisionOutputs(instance, DECISION, "flag")).contains(List.of())
                .isEqualTo(engineQuery(instance, "flag"));
        assertThat(history.decisionOutputs(instance, DECISION, "no such output")).contains(List.of());
        assertThat(history.decisionOutputs(instance, "never-evaluated", "flag")).isEmpty()
                .isEqualTo(engineQuery(instance, "never-evaluated", "flag"));
        assertThat(history.decisionOutputs("no-such-instance", DECISION, "flag")).isEmpty();
    }

    @Test
    void the_latest_evaluation_counts() {
        String instance = start("two");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        runtimeService.setVariable(instance, "case", "later");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());

        assertThat(history.decisionOutputs(instance, DECISION, "label")).contains(List.of("later"))
                .isEqualTo(engineQuery(instance, "label"));
        assertThat(history.decisionOutputs(instance, DECISION, "count")).contains(List.of(1));
    }

    private String start(String decisionCase) {
        String id = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("case", decisionCase)).getId();
        started.add(id);
        return id;
    }

    private Optional<List<Object>> engineQuery(String instance, String output) {
        return engineQuery(instance, DECISION, output);
    }

    /** What four-eyes read before: the engine's history query, latest evaluation first. */
    private Optional<List<Object>> engineQuery(String instance, String decision, String output) {
        return historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance)
                .decisionDefinitionKey(decision).includeOutputs().orderByEvaluationTime().desc().list().stream()
                .findFirst().map(evaluation -> evaluation.getOutputs().stream()
                        .filter(o -> output.equals(o.getVariableName()))
                        .map(HistoricDecisionOutputInstance::getValue).toList());
    }
}
