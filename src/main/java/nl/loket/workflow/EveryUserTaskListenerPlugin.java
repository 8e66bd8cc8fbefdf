package nl.loket.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link EveryUserTaskListener} beans to every user task when a model is parsed (at deployment and
 * when the engine reloads a deployment after a restart). The beans are looked up at event time, so the engine does
 * not depend on them while it is being built.
 */
@Component
class EveryUserTaskListenerPlugin extends PreParseListenerPlugin {

    static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final ObjectProvider<EveryUserTaskListener> listeners;

    EveryUserTaskListenerPlugin(ObjectProvider<EveryUserTaskListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    BpmnParseListener parseListener() {
        return new AttachToUserTasks(this::dispatch);
    }

    private void dispatch(DelegateTask task) {
        listeners.orderedStream().forEach(listener -> listener.notify(task));
    }

    private static final class AttachToUserTasks extends AbstractBpmnParseListener {

        private final TaskListener dispatcher;

        AttachToUserTasks(TaskListener dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                TaskDefinition definition = behavior.getTaskDefinition();
                EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, dispatcher));
            }
        }
    }
}
