package nl.loket.request;

/**
 * A request type started outside the portal (Camunda Tasklist, engine REST) that Loket refuses because of who or how:
 * nobody signed in, a request id that is not the caller's, a type that starts on its own page in Loket.
 */
public class StartNotAllowedException extends RuntimeException {

    public StartNotAllowedException(String message) {
        super(message);
    }
}
