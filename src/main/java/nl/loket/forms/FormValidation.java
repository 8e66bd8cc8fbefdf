package nl.loket.forms;

import java.util.Map;

/** The outcome of checking a submission: typed values to store, or the errors per field key. Never both. */
public record FormValidation(Map<String, Object> values, Map<String, FieldError> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
