package nl.loket.workflow;

/**
 * The engine could not go on with a process because of its model (an expression naming a variable that does not
 * exist, a gateway with no way out): the request type is broken, not the user's input. The caller's transaction is
 * rolled back, so nothing is half-done; the user is told plainly and the log has the engine's reason.
 */
public class ProcessModelException extends RuntimeException {

    public ProcessModelException(String where, RuntimeException cause) {
        super(where + ": " + cause.getMessage(), cause);
    }
}
