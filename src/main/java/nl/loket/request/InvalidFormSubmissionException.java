package nl.loket.request;

import java.util.Map;

import nl.loket.forms.FieldError;

/** A form submission the server refused; one error per field key, for the form to show where it belongs. */
public class InvalidFormSubmissionException extends RuntimeException {

    private final Map<String, FieldError> errors;

    public InvalidFormSubmissionException(Map<String, FieldError> errors) {
        this(errors, "Refused form submission: " + errors.keySet());
    }

    /** With a message for a caller outside the portal (engine REST), which sees no form. */
    public InvalidFormSubmissionException(Map<String, FieldError> errors, String message) {
        super(message);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, FieldError> errors() {
        return errors;
    }
}
