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

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * User tasks: what is offered to whom, and completing them. Authorisation (who may complete what) is decided by
 * the callers' services; this class only speaks to the engine.
 */
@Service
public class TaskWorkService {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    TaskWorkService(TaskService taskService, RepositoryService repositoryService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    /** Open tasks assigned to the user, or offered to the user or one of the groups and not yet assigned. */
    public List<WorkTask> openTasksFor(String username, Collection<String> groups) {
        var query = taskService.createTaskQuery().active().or().taskAssignee(username).taskCandidateUser(username);
        if (!groups.isEmpty()) {
            query = query.taskCandidateGroupIn(List.copyOf(groups));
        }
        List<Task> tasks = query.endOr().orderByTaskCreateTime().desc().list();
        Map<String, String> businessKeys = businessKeysOf(tasks);
        return tasks.stream().map(task -> toWorkTask(task, businessKeys.get(task.getProcessInstanceId()))).toList();
    }

    public Optional<WorkTask> find(String taskId) {
        return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult())
                .map(task -> toWorkTask(task, businessKeysOf(List.of(task)).get(task.getProcessInstanceId())));
    }

    /** The variables the task sees (its own and its process's), e.g. options a task form refers to. */
    public Map<String, Object> variables(String taskId) {
        return taskService.getVariables(taskId);
    }

    /** Claims the task for the user if nobody has it yet, then completes it as that user. */
    public void completeAs(String taskId, String username, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(taskId, username);
        }
        taskService.complete(taskId, variables);
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
                Set.copyOf(candidateUsers), Set.copyOf(candidateGroups), task.getCreateTime().toInstant());
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
