package nl.loket.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One component of a Camunda Form (form-js schema) as Loket understands it. Input fields have a key; layout
 * components (text, group, separator, spacer, button) have none, and groups hold their children.
 *
 * @param lockedWhen   a FEEL expression for {@code readonly} or {@code disabled}: locked while it is true
 * @param searchable   a select the user can type in to filter its options
 * @param action       a button's action: {@code submit} or {@code reset}
 * @param properties   the component's custom properties (Modeler: "Custom properties"), e.g. translations
 * @param path         a group's or dynamic list's {@code path}: where its children's values are nested
 * @param source       the component as the form file has it, for the properties read less often
 */
public record FormField(String id, String type, String key, String label, String description, String subtype,
                        boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                        String pattern, String validationType, List<Option> options, String optionsKey,
                        String hideWhen, boolean readonly, boolean disabled, String lockedWhen,
                        boolean disallowPassedDates, boolean searchable, Object defaultValue, String text, String action,
                        Map<String, String> properties, List<FormField> children, String row, Integer columns,
                        String path, JsonNode source) {

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
                children.stream().map(child -> child.localized(locale)).toList(), row, columns, path, source);
    }

    /** This component with its label, description and text passed through {@code resolve} (e.g. FEEL "=..."). */
    public FormField withTexts(UnaryOperator<String> resolve) {
        return new FormField(id, type, key, resolve.apply(label), resolve.apply(description), subtype, required,
                minLength, maxLength, min, max, pattern, validationType, options, optionsKey, hideWhen, readonly,
                disabled, lockedWhen, disallowPassedDates, searchable, defaultValue, resolve.apply(text), action,
                properties, children.stream().map(child -> child.withTexts(resolve)).toList(), row, columns, path,
                source);
    }

    /** A dynamic list: its children repeat once per row, under its {@code path}. */
    public boolean isRepeating() {
        return FormFieldType.DYNAMIC_LIST.equals(type) && source.path("isRepeating").asBoolean(true);
    }

    /** Rows a dynamic list starts with when the data has none (form-js: 1). */
    public int defaultRepetitions() {
        return Math.max(0, Math.min(FormSubmissionValidator.MAX_LIST_SIZE, source.path("defaultRepetitions").asInt(1)));
    }

    /** Whether the user may add and remove rows of a dynamic list (form-js: yes). */
    public boolean allowAddRemove() {
        return source.path("allowAddRemove").asBoolean(true);
    }

    /** Options computed by FEEL ({@code valuesExpression}), instead of {@code values} or {@code valuesKey}. */
    public String optionsExpression() {
        return textOf(source, "valuesExpression");
    }

    /** An expression field's FEEL expression, and when form-js computes it ({@code change} or {@code presubmit}). */
    public String expression() {
        return textOf(source, "expression");
    }

    /**
     * A validation bound ({@code min}, {@code max}, {@code minLength}, {@code maxLength}) written as FEEL
     * ({@code "=..."}), or null when it is a plain number or absent.
     */
    public String boundExpression(String name) {
        String bound = textOf(source.path("validate"), name);
        return bound != null && bound.strip().startsWith("=") ? bound : null;
    }

    /** {@code readonly} as FEEL: the field is shown and submitted, but cannot be changed, while it is true. */
    public String readonlyWhen() {
        return expressionOf("readonly");
    }

    /** {@code disabled} as FEEL: the field is neither changed nor submitted while it is true. */
    public String disabledWhen() {
        return expressionOf("disabled");
    }

    /** A number field's allowed decimal digits (0: whole numbers), or null. */
    public Integer decimalDigits() {
        JsonNode digits = source.get("decimalDigits");
        return digits != null && digits.canConvertToInt() ? Math.max(0, digits.asInt()) : null;
    }

    /** A number field's step ({@code increment}): values must be a multiple of it, or null. */
    public BigDecimal increment() {
        JsonNode increment = source.get("increment");
        try {
            BigDecimal step = increment == null || increment.isNull() ? null : new BigDecimal(increment.asText().strip());
            return step != null && step.signum() > 0 ? step : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number field whose value form-js stores as text (large or precise numbers). */
    public boolean serializeToString() {
        return source.path("serializeToString").asBoolean(false);
    }

    /** Text before or after a text or number field's value ({@code appearance.prefixAdorner}). */
    public String prefixAdorner() {
        return textOf(source.path("appearance"), "prefixAdorner");
    }

    public String suffixAdorner() {
        return textOf(source.path("appearance"), "suffixAdorner");
    }

    /** How a time is stored: {@code utc_offset} ("14:30+01:00"), {@code utc_normalized} ("13:30Z"), else "14:30". */
    public String timeSerializingFormat() {
        return textOf(source, "timeSerializingFormat");
    }

    public boolean use24h() {
        return source.path("use24h").asBoolean(false);
    }

    /** Minutes between the times offered (form-js: 1, 5, 10, 15, 30 or 60; anything else is 15). */
    public int timeInterval() {
        int interval = source.path("timeInterval").asInt(15);
        return java.util.Set.of(1, 5, 10, 15, 30, 60).contains(interval) ? interval : 15;
    }

    /** A property of the component as the form file has it (image {@code source}, iframe {@code url}...), or null. */
    public String attribute(String name) {
        return textOf(source, name);
    }

    /** How a process admin finds this component in Modeler: type and key, id or label. */
    public String identifier() {
        String name = key != null ? "key '" + key + "'" : id != null ? "id '" + id + "'"
                : label != null ? "label '" + label + "'" : path != null ? "path '" + path + "'" : "no id";
        return type + " (" + name + ")";
    }

    private String expressionOf(String name) {
        String value = textOf(source, name);
        return value != null && value.strip().startsWith("=") ? value : null;
    }

    private static String textOf(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private String translation(String what, String language, String fallback) {
        String translated = properties.get(TRANSLATION_PREFIX + what + ":" + language);
        return translated == null || translated.isBlank() ? fallback : translated;
    }
}
