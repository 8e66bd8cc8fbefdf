package nl.loket.request;

/**
 * The request type itself failed when its process started (a model error): the user is told plainly, nothing of
 * the request is kept, and the log names the model and the engine's reason for the process admins.
 */
public class RequestNotStartedException extends RuntimeException {

    public RequestNotStartedException(String processKey, RuntimeException cause) {
        super("Request type '" + processKey + "' could not be started", cause);
    }
}
