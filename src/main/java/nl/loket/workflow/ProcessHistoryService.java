package nl.loket.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.ActivityTypes;
import org.springframework.stereotype.Service;

/**
 * A process instance's timeline from the engine's history. A model can keep routine steps off the timeline with
 * the extension property {@code loket:timeline = hidden} (e.g. the daily start and stop of an environment).
 */
@Service
public class ProcessHistoryService {

    static final String TIMELINE = "loket:timeline";
    static final String HIDDEN = "hidden";

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final DecisionOutputReader decisionOutputs;
    private final Map<String, Set<String>> hiddenByDefinition = new ConcurrentHashMap<>();

    ProcessHistoryService(HistoryService historyService, RepositoryService repositoryService,
                          DecisionOutputReader decisionOutputs) {
        this.historyService = historyService;
        this.decisionOutputs = decisionOutputs;
        this.repositoryService = repositoryService;
    }

    /** The steps a person would recognise (start, tasks, decisions, end), oldest first. */
    public List<TimelineEntry> timeline(String processInstanceId) {
        Set<String> hidden = definitionId(processInstanceId).map(this::hiddenSteps).orElse(Set.of());
        return historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list().stream()
                .filter(activity -> !hidden.contains(activity.getActivityId()))
                .map(ProcessHistoryService::toEntry)
                .filter(entry -> entry.kind() != TimelineEntry.Kind.GATEWAY && entry.kind() != TimelineEntry.Kind.OTHER)
                .toList();
    }

    /** The ids of a definition's steps marked {@code loket:timeline = hidden}; a deployed definition never changes. */
    private Set<String> hiddenSteps(String definitionId) {
        return hiddenByDefinition.computeIfAbsent(definitionId, id -> {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
            return model.getModelElementsByType(CamundaProperty.class).stream()
                    .filter(property -> TIMELINE.equals(property.getCamundaName())
                            && HIDDEN.equals(property.getCamundaValue()))
                    .map(property -> property.getParentElement().getParentElement().getParentElement())
                    .filter(element -> element instanceof FlowNode)
                    .map(element -> ((FlowNode) element).getId())
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /** The instance's variables as they ended up (also after it finished), by name. */
    /** The instance's variables as plain values (a form's Json lists and objects as lists and maps). */
    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(variable -> variables.put(variable.getName(), JsonVariables.plain(variable.getTypedValue())));
        return variables;
    }

    /**
     * The rules of a decision that matched the last time the instance evaluated it (a business rule task), in
     * table order, with their descriptions from the deployed DMN: why a request went where it went.
     */
    public List<MatchedRule> matchedRules(String processInstanceId, String decisionKey) {
        List<HistoricDecisionInstance> evaluations = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).decisionDefinitionKey(decisionKey).includeOutputs()
                .orderByEvaluationTime().desc().listPage(0, 1);
        if (evaluations.isEmpty()) {
            return List.of();
        }
        HistoricDecisionInstance latest = evaluations.get(0);
        DmnModelInstance model = repositoryService.getDmnModelInstance(latest.getDecisionDefinitionId());
        return latest.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct()
                .map(ruleId -> {
                    Rule rule = model.getModelElementById(ruleId);
                    String description = rule == null || rule.getDescription() == null ? null
                            : rule.getDescription().getTextContent().strip();
                    return new MatchedRule(decisionKey, ruleId, description);
                })
                .toList();
    }

    /** The process definition (version) the instance runs or ran on. */
    public Optional<String> definitionId(String processInstanceId) {
        return Optional.ofNullable(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult()).map(i -> i.getProcessDefinitionId());
    }

    private static TimelineEntry toEntry(HistoricActivityInstance activity) {
        return new TimelineEntry(activity.getActivityId(), activity.getActivityName(),
                kindOf(activity.getActivityType()), activity.getAssignee(),
                toInstant(activity.getStartTime()), toInstant(activity.getEndTime()), activity.isCanceled(), null);
    }

    private static TimelineEntry.Kind kindOf(String activityType) {
        return switch (activityType) {
            case ActivityTypes.START_EVENT, ActivityTypes.START_EVENT_MESSAGE, ActivityTypes.START_EVENT_TIMER ->
                    TimelineEntry.Kind.START;
            case ActivityTypes.TASK_USER_TASK -> TimelineEntry.Kind.USER_TASK;
            case ActivityTypes.TASK_SERVICE -> TimelineEntry.Kind.SERVICE_TASK;
            case ActivityTypes.TASK_BUSINESS_RULE -> TimelineEntry.Kind.DECISION;
            case ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_INCLUSIVE ->
                    TimelineEntry.Kind.GATEWAY;
            case ActivityTypes.END_EVENT_NONE, ActivityTypes.END_EVENT_TERMINATE, ActivityTypes.END_EVENT_ERROR ->
                    TimelineEntry.Kind.END;
            default -> TimelineEntry.Kind.OTHER;
        };
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * The outputs named {@code output} of the latest evaluation of {@code decisionKey} in this instance, from the
     * engine's history; empty when there is none (never evaluated, or its history deleted).
     */
    public Optional<List<Object>> decisionOutputs(String processInstanceId, String decisionKey, String output) {
        return decisionOutputs.outputs(processInstanceId, decisionKey, output);
    }
}
