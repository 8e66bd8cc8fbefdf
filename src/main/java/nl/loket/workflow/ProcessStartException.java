package nl.loket.workflow;

/**
 * The engine could not start a process (an expression naming an unknown variable, a model error): the request type
 * is broken, not the user's input. The caller's transaction is rolled back, so nothing is half-created.
 */
public class ProcessStartException extends RuntimeException {

    private final String processKey;

    public ProcessStartException(String processKey, RuntimeException cause) {
        super("Process '" + processKey + "' could not be started: " + cause.getMessage(), cause);
        this.processKey = processKey;
    }

    public String processKey() {
        return processKey;
    }
}
