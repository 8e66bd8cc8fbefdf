package nl.loket.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.ActivityTypes;
import org.springframework.stereotype.Service;

/** A process instance's timeline from the engine's history. */
@Service
public class ProcessHistoryService {

    private final HistoryService historyService;

    ProcessHistoryService(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** The steps a person would recognise (start, tasks, decisions, end), oldest first. */
    public List<TimelineEntry> timeline(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list().stream()
                .map(ProcessHistoryService::toEntry)
                .filter(entry -> entry.kind() != TimelineEntry.Kind.GATEWAY && entry.kind() != TimelineEntry.Kind.OTHER)
                .toList();
    }

    /** The instance's variables as they ended up (also after it finished), by name. */
    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        return variables;
    }

    /** The process definition (version) the instance runs or ran on. */
    public Optional<String> definitionId(String processInstanceId) {
        return Optional.ofNullable(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult()).map(i -> i.getProcessDefinitionId());
    }

    private static TimelineEntry toEntry(HistoricActivityInstance activity) {
        return new TimelineEntry(activity.getActivityId(),
                activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
                kindOf(activity.getActivityType()), activity.getAssignee(),
                toInstant(activity.getStartTime()), toInstant(activity.getEndTime()));
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
}
