package nl.loket.request;

import java.util.Map;

/** Submitted input was refused; carries one message key per field, so the form can show each where it belongs. */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRequestException(Map<String, String> fieldErrors) {
        super("Invalid request: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name to message key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
