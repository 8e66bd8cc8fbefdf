package nl.loket.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A Spring bean implementing this hears the start of every instance of a request type (a process with the
 * extension property {@code loket:category}), however it is started: by Loket, from Camunda Tasklist or through
 * engine REST, also with {@code skipCustomListeners}. It runs first, before the model's own listeners, in the
 * engine's transaction: throwing refuses the start and nothing is created.
 */
public interface RequestTypeStartListener extends ExecutionListener {
}
