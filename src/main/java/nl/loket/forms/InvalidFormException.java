package nl.loket.forms;

/** A form file that is not a usable Camunda Form (not JSON, no components list, duplicate keys...). */
public class InvalidFormException extends RuntimeException {

    public InvalidFormException(String message) {
        super(message);
    }

    public InvalidFormException(String message, Throwable cause) {
        super(message, cause);
    }
}
