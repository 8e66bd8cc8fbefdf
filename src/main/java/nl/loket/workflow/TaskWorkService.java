package nl.loket.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User tasks: what is offered to whom, and completing them. Authorisation (who may complete what) is decided by
 * the callers' services; this class only speaks to the engine.
 */
@Service
public class TaskWorkService {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TransactionTemplate afresh;

    TaskWorkService(TaskService taskService, RepositoryService repositoryService, RuntimeService runtimeService,
                    HistoryService historyService, PlatformTransactionManager transactions) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        // PostgreSQL aborts a transaction after a failed statement: what happened is asked in a new one
        this.afresh = new TransactionTemplate(transactions);
        this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afresh.setReadOnly(true);
    }

    /** How many open tasks belong to processes with this (Long) variable, e.g. Loket's requests. */
    public long countOpenTasksWithVariable(String name) {
        return taskService.createTaskQuery().processVariableValueGreaterThanOrEquals(name, 0L).count();
    }

    /** The open tasks of processes with this (Long) variable, with their process's value of it, in pages. */
    public List<OpenTask> openTasksWithVariable(String name, int first, int max) {
        List<Task> tasks = taskService.createTaskQuery().processVariableValueGreaterThanOrEquals(name, 0L)
                .orderByTaskId().asc().listPage(first, max);
        return tasks.stream().map(task -> {
            List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
            return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                    task.getPriority(), task.getDueDate(), task.getFollowUpDate(), task.getCreateTime(),
                    (Long) runtimeService.getVariable(task.getExecutionId(), name),
                    links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                            .map(IdentityLink::getGroupId).collect(Collectors.toSet()),
                    links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                            .map(IdentityLink::getUserId).collect(Collectors.toSet()));
        }).toList();
    }

    /** An open task as a read model needs it. */
    public record OpenTask(String id, String key, String name, String assignee, int priority, java.util.Date due,
                           java.util.Date followUp, java.util.Date created, Long variableValue,
                           Set<String> candidateGroups, Set<String> candidateUsers) {
    }

    /** The open tasks of one activity in a process instance. */
    public List<WorkTask> openTasks(String processInstanceId, String taskDefinitionKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).list();
        Map<String, String> businessKeys = businessKeysOf(tasks);
        return tasks.stream().map(task -> toWorkTask(task, businessKeys.get(task.getProcessInstanceId()))).toList();
    }

    public Optional<WorkTask> find(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        try {
            WorkTask work = toWorkTask(task, businessKeysOf(List.of(task)).get(task.getProcessInstanceId()));
            // completed by someone else between the query and the look-up of its candidates, which then finds none
            return isGone(taskId) ? Optional.empty() : Optional.of(work);
        } catch (RuntimeException e) {
            // completed by someone else between the query and the look-ups that follow it
            if (isGone(taskId)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The variables the task sees (its own and its process's), e.g. options a task form refers to. */
    public Map<String, Object> variables(String taskId) {
        // Json values (a form's lists and objects) as plain lists and maps
        return JsonVariables.fromEngine(taskService.getVariablesTyped(taskId, true));
    }

    /**
     * Claims the task for the user if nobody has it yet, then completes it as that user. If someone else got there
     * first (completed it, or took it), throws {@link TaskAlreadyHandledException}: exactly one wins.
     */
    public void completeAs(String taskId, String username, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskAlreadyHandledException(taskId, lastAssignee(taskId));
        }
        try {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, username);
            } else if (!task.getAssignee().equals(username)) {
                throw new TaskAlreadyHandledException(taskId, task.getAssignee());
            }
            taskService.complete(taskId, JsonVariables.toEngine(variables));
        } catch (TaskAlreadyClaimedException e) {
            throw new TaskAlreadyHandledException(taskId, e.getTaskAssignee());
        } catch (TaskAlreadyHandledException e) {
            throw e;
        } catch (RuntimeException e) {
            // The engine fails in several ways when another transaction completes the task under our feet (on
            // PostgreSQL a unique key of the winner's, which also aborts this transaction); if the task is gone for
            // a transaction that starts now, that is what happened. Anything else (a listener refusing, a delegate
            // failing) stands.
            Optional<String> winner = afresh.execute(status -> isGone(taskId)
                    ? Optional.of(Objects.requireNonNullElse(lastAssignee(taskId), "")) : Optional.empty());
            if (winner != null && winner.isPresent()) {
                throw new TaskAlreadyHandledException(taskId, winner.get().isEmpty() ? null : winner.get());
            }
            if (e instanceof ProcessEngineException && !(e instanceof AuthorizationException)
                    && !(e instanceof OptimisticLockingException)) {
                // the model fails on what follows the task (an expression, a gateway): not the user's doing
                LoggerFactory.getLogger(TaskWorkService.class).error("The model of task {} ({}) fails after it: {}",
                        taskId, task.getTaskDefinitionKey(), e.getMessage());
                throw new ProcessModelException("Task " + taskId + " could not be completed", e);
            }
            throw e;
        }
    }

    /** No longer open, as far as this transaction can see (someone else completed or deleted it). */
    private boolean isGone(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() == 0;
    }

    /** Takes a task offered to a group for the user; refused if someone else has it. */
    public void claim(String taskId, String username) {
        try {
            taskService.claim(taskId, username);
        } catch (TaskAlreadyClaimedException e) {
            throw new TaskAlreadyHandledException(taskId, e.getTaskAssignee());
        } catch (OptimisticLockingException | NullValueException e) {
            throw new TaskAlreadyHandledException(taskId, lastAssignee(taskId));
        }
    }

    /** Assigns the task to this user (handing it over, or taking over as a substitute). */
    public void assign(String taskId, String username) {
        try {
            taskService.setAssignee(taskId, username);
        } catch (OptimisticLockingException | NullValueException e) {
            throw new TaskAlreadyHandledException(taskId, lastAssignee(taskId));
        }
    }

    /** Sets the due and follow-up dates; null clears one. */
    public void plan(String taskId, java.time.Instant due, java.time.Instant followUp) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskAlreadyHandledException(taskId, lastAssignee(taskId));
        }
        task.setDueDate(due == null ? null : java.util.Date.from(due));
        task.setFollowUpDate(followUp == null ? null : java.util.Date.from(followUp));
        taskService.saveTask(task);
    }

    /**
     * The open tasks of someone who can no longer work them (disabled in the directory) go back to their candidate
     * groups; a task offered to nobody else is offered to {@code fallbackGroup}. Returns how many were handed back.
     */
    public int handBackTasksOf(String username, String fallbackGroup) {
        List<Task> assigned = taskService.createTaskQuery().taskAssignee(username).list();
        for (Task task : assigned) {
            boolean offeredToOthers = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                            && (link.getGroupId() != null || !username.equals(link.getUserId())));
            if (!offeredToOthers) {
                taskService.addCandidateGroup(task.getId(), fallbackGroup);
            }
            taskService.setAssignee(task.getId(), null);
        }
        for (Task task : taskService.createTaskQuery().taskCandidateUser(username).list()) {
            boolean offeredByName = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                            && username.equals(link.getUserId()));
            if (offeredByName) {
                taskService.deleteCandidateUser(task.getId(), username);
            }
        }
        return assigned.size();
    }

    /** Gives a task back to its candidates. */
    public void unclaim(String taskId) {
        try {
            taskService.setAssignee(taskId, null);
        } catch (OptimisticLockingException | NullValueException e) {
            throw new TaskAlreadyHandledException(taskId, lastAssignee(taskId));
        }
    }

    /**
     * For a task that has ended: who handled it, if it had been offered to this user or one of their groups (so
     * that nobody else learns anything about it).
     */
    public Optional<String> endedTaskHandledBy(String taskId, String username, Collection<String> groups) {
        HistoricTaskInstance historic = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult();
        if (historic == null) {
            return Optional.empty();
        }
        boolean wasOffered = historyService.createHistoricIdentityLinkLogQuery().taskId(taskId)
                .type(IdentityLinkType.CANDIDATE).list().stream()
                .anyMatch(link -> username.equals(link.getUserId())
                        || link.getGroupId() != null && groups.contains(link.getGroupId()));
        return wasOffered || username.equals(historic.getAssignee()) ? Optional.ofNullable(historic.getAssignee())
                : Optional.empty();
    }

    /** Who had the task last, from the engine's history (null if nobody, or no history). */
    private String lastAssignee(String taskId) {
        HistoricTaskInstance historic = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return historic == null ? null : historic.getAssignee();
    }

    private WorkTask toWorkTask(Task task, String businessKey) {
        Set<String> candidateUsers = new HashSet<>();
        Set<String> candidateGroups = new HashSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    candidateUsers.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    candidateGroups.add(link.getGroupId());
                }
            }
        }
        String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        return new WorkTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
                task.getProcessInstanceId(), businessKey, task.getAssignee(),
                Set.copyOf(candidateUsers), Set.copyOf(candidateGroups), task.getCreateTime().toInstant(),
                task.getPriority(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant());
    }

    /** One query for the business keys of all the tasks' process instances. */
    private Map<String, String> businessKeysOf(List<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
        return keys;
    }
}
