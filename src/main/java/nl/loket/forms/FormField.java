package nl.loket.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One component of a Camunda Form (form-js schema) as Loket understands it. Input fields have a key; layout
 * components (text, group, separator, spacer, button) have none, and groups hold their children.
 *
 * @param lockedWhen   a FEEL expression for {@code readonly} or {@code disabled}: locked while it is true
 * @param searchable   a select the user can type in to filter its options
 * @param action       a button's action: {@code submit} or {@code reset}
 * @param properties   the component's custom properties (Modeler: "Custom properties"), e.g. translations
 */
public record FormField(String id, String type, String key, String label, String description, String subtype,
                        boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                        String pattern, String validationType, List<Option> options, String optionsKey,
                        String hideWhen, boolean readonly, boolean disabled, String lockedWhen,
                        boolean disallowPassedDates, boolean searchable, Object defaultValue, String text, String action,
                        Map<String, String> properties, List<FormField> children, String row, Integer columns) {

    /** form-js lays components out in rows of 16 columns. */
    public static final int GRID_COLUMNS = 16;

    /** Custom-property prefix for a translation: {@code loket:label:nl}, {@code loket:option:<value>:nl}. */
    public static final String TRANSLATION_PREFIX = "loket:";

    /** A choice of a select, radio, checklist or taglist. */
    public record Option(String label, Object value) {
    }

    public boolean isInput() {
        return key != null && FormFieldType.isInput(type);
    }

    /** The user cannot change it, whatever the data: its submitted value is ignored. */
    public boolean isLocked() {
        return readonly || disabled;
    }

    /**
     * This component with its texts in the given language, where its custom properties carry them
     * ({@code loket:label:nl}, {@code loket:description:nl}, {@code loket:text:nl}, {@code loket:option:<value>:nl});
     * texts without a translation stay as the form has them.
     */
    public FormField localized(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        if (properties.isEmpty() && children.isEmpty() || language.isEmpty()) {
            return this;
        }
        List<Option> localOptions = options.stream()
                .map(o -> new Option(translation("option:" + o.value(), language, o.label()), o.value())).toList();
        return new FormField(id, type, key, translation("label", language, label),
                translation("description", language, description), subtype, required, minLength, maxLength, min, max,
                pattern, validationType, localOptions, optionsKey, hideWhen, readonly, disabled, lockedWhen,
                disallowPassedDates, searchable, defaultValue, translation("text", language, text), action, properties,
                children.stream().map(child -> child.localized(locale)).toList(), row, columns);
    }

    /** This component with its label, description and text passed through {@code resolve} (e.g. FEEL "=..."). */
    public FormField withTexts(UnaryOperator<String> resolve) {
        return new FormField(id, type, key, resolve.apply(label), resolve.apply(description), subtype, required,
                minLength, maxLength, min, max, pattern, validationType, options, optionsKey, hideWhen, readonly,
                disabled, lockedWhen, disallowPassedDates, searchable, defaultValue, resolve.apply(text), action,
                properties, children.stream().map(child -> child.withTexts(resolve)).toList(), row, columns);
    }

    private String translation(String what, String language, String fallback) {
        String translated = properties.get(TRANSLATION_PREFIX + what + ":" + language);
        return translated == null || translated.isBlank() ? fallback : translated;
    }
}
