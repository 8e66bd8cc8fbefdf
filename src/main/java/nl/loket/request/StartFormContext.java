package nl.loket.request;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Data that Loket itself offers to one request type's start form, such as the options a field names with
 * {@code valuesKey}. The same variables are used to show the form and to validate its submission on the server,
 * so an option the form did not offer is refused. They are not stored as process variables.
 */
public interface StartFormContext {

    String processKey();

    /** What the start page shows: every option. */
    Map<String, Object> variables(Locale locale);

    /**
     * What the server checks a submission against. By default the same as the page; a type with many options
     * offers only what the submission chose (if it may be chosen), so that a submit does not cost more as the
     * options grow. The submission is not validated yet: expect anything.
     */
    default Map<String, Object> submissionVariables(Map<String, Object> submitted, Locale locale) {
        return variables(locale);
    }

    /**
     * The request's summary from the validated values (the product chosen, say), if the type has a better one than
     * its catalogue name: the request row is created with it instead of being corrected later in the start.
     */
    default Optional<String> summaryOf(Map<String, Object> values) {
        return Optional.empty();
    }
}
