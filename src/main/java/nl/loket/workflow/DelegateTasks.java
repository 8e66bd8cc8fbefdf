package nl.loket.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/** What a task listener may want to know beyond the task's own fields. */
public final class DelegateTasks {

    /** TaskEntity.TaskState.STATE_CREATED's value, which the enum does not expose. */
    private static final String CREATED = "Created";

    private DelegateTasks() {
    }

    /**
     * The user the engine's current command runs for: set by engine-rest and Camunda's web apps (Tasklist); null
     * when Loket's own services call the engine.
     */
    public static String authenticatedUser(DelegateTask task) {
        return DelegateExecutions.authenticatedUser(task.getProcessEngineServices());
    }

    /**
     * Whether this assignment is the engine's, as it creates the task (the model's assignee), rather than
     * someone's afterwards (claim, hand over, set assignee): an engine command that changes a task marks it
     * "Updated" before its assignment event, a new task is still "Created".
     */
    public static boolean isAssignedAsCreated(DelegateTask task) {
        return TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                && task instanceof TaskEntity entity && CREATED.equals(entity.getTaskState());
    }

    /** The value of an extension property ({@code camunda:property}) on the task's model element, or null. */
    public static String property(DelegateTask task, String name) {
        UserTask model = task.getBpmnModelElementInstance();
        if (model == null || model.getExtensionElements() == null) {
            return null;
        }
        return model.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(property -> property.getCamundaValue()).findFirst().orElse(null);
    }
}
