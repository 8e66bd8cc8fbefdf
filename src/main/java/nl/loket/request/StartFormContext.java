package nl.loket.request;

import java.util.Locale;
import java.util.Map;

/**
 * Data that Loket itself offers to one request type's start form, such as the options a field names with
 * {@code valuesKey}. The same variables are used to show the form and to validate its submission on the server,
 * so an option the form did not offer is refused. They are not stored as process variables.
 */
public interface StartFormContext {

    String processKey();

    Map<String, Object> variables(Locale locale);
}
