package nl.loket.workflow;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A Spring bean implementing this hears every user task's lifecycle events (create, assignment, update, complete,
 * delete) in every process, whether it ships with Loket or is uploaded later, before the model's own listeners.
 * It runs in the engine's transaction: throwing refuses the operation.
 */
public interface EveryUserTaskListener extends TaskListener {
}
