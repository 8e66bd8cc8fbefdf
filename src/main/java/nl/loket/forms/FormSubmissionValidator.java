package nl.loket.forms;

import static nl.loket.forms.FormFieldType.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import nl.loket.workflow.FeelEvaluator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against its Camunda Form on the server, whatever the browser (or a tampered request) sent,
 * and returns what form-js (the version in Camunda 7.24's Tasklist) would submit for it: a value for every keyed
 * field that is shown and not disabled, empty ones included ({@code ""}, {@code null}, {@code false}, {@code []}),
 * nested by {@code path} and dotted keys, dynamic lists as lists of rows, expression fields computed. So a model
 * behaves the same whether Loket or Tasklist started it. Nothing is returned to store unless everything is valid.
 */
@Component
public class FormSubmissionValidator {

    /**
     * Upper bounds even when a form sets none: no field may carry more than this. Text: the engine keeps a string
     * variable in a 4,000-character column ({@code TEXT_} of {@code ACT_RU_VARIABLE} and {@code ACT_HI_VARINST}, on
     * H2 and PostgreSQL alike), so a longer text would pass here and then fail the whole submission in the
     * database (found by {@code HostileInputIT}).
     */
    public static final int MAX_TEXT_LENGTH = 4_000;
    public static final int MAX_LIST_SIZE = 100;
    public static final int MAX_FIELDS = 500;

    /** form-js 1.8.7's e-mail check (core/Validator.js). */
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    /** form-js checks an international number: + or 00, a country code, then digits; Loket allows spaces. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9]{5,22}$");

    private final FeelEvaluator feel;
    private final Clock clock;
    private final ZoneId zone;

    public FormSubmissionValidator(FeelEvaluator feel, Clock clock, ZoneId zone) {
        this.feel = feel;
        this.clock = clock;
        this.zone = zone;
    }

    /** With Loket's clock, whose zone is the organisation's ({@code loket.time-zone}). */
    @Autowired
    public FormSubmissionValidator(FeelEvaluator feel, Clock clock) {
        this(feel, clock, clock.getZone());
    }

    /**
     * @param submitted the values as sent, nested as form-js nests them (a flat map for a form without paths)
     * @param context   variables the form may refer to: options ({@code valuesKey}), conditions, expressions; for
     *                  a task form its variables, whose read-only fields are then left as they are
     */
    public FormValidation validate(FormSchema form, Map<String, Object> submitted, Map<String, Object> context) {
        Map<String, Object> input = submitted == null ? Map.of() : submitted;
        if (countValues(input) > MAX_FIELDS) {
            return new FormValidation(Map.of(), Map.of("", FieldError.of("too-many-fields", MAX_FIELDS)));
        }
        Submission submission = new Submission(input, context == null ? Map.of() : context);
        submission.walk(form.components(), ValuePath.ROOT, null);
        submission.compute();
        submission.refuseUnexpected(form.components());
        return submission.errors.isEmpty() ? new FormValidation(submission.values, Map.of())
                : new FormValidation(Map.of(), submission.errors);
    }

    /** One submission being checked: what was sent, what the form may refer to, and what comes out. */
    private final class Submission {
        private final Map<String, Object> input;
        private final Map<String, Object> context;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, FieldError> errors = new LinkedHashMap<>();
        private final List<Computed> expressions = new ArrayList<>();

        Submission(Map<String, Object> input, Map<String, Object> context) {
            this.input = input;
            this.context = context;
        }

        void walk(List<FormField> fields, ValuePath prefix, Map<?, ?> row) {
            for (FormField field : fields) {
                Map<String, Object> scope = scope(row);
                if (field.hideWhen() != null && feel.isTrue(field.hideWhen(), scope)) {
                    continue;
                }
                if (field.disabled() || field.disabledWhen() != null && feel.isTrue(field.disabledWhen(), scope)) {
                    continue;
                }
                switch (field.type()) {
                    case GROUP -> walk(field.children(), prefix.plus(field.path()), row);
                    case DYNAMIC_LIST -> rows(field, prefix.plus(field.path()));
                    case EXPRESSION -> {
                        if (field.key() != null) {
                            expressions.add(new Computed(field, prefix.plus(field.key()), prefix));
                        }
                    }
                    default -> {
                        if (field.isInput()) {
                            input(field, prefix.plus(field.key()), scope);
                        }
                    }
                }
            }
        }

        /**
         * Expression fields, computed on the server (whatever a client sent for them) from the values as stored,
         * as form-js computes them from its data before it submits.
         */
        void compute() {
            for (Computed computed : expressions) {
                Map<String, Object> scope = new HashMap<>(context);
                scope.putAll(values);
                if (!computed.prefix().isRoot() && computed.prefix().get(values) instanceof Map<?, ?> row) {
                    scope.put("parent", new HashMap<>(scope));
                    row.forEach((key, value) -> scope.put(String.valueOf(key), value));
                    scope.put("this", row);
                }
                values(computed.path(), feel.value(computed.field().expression(), scope));
            }
        }

        private void rows(FormField list, ValuePath path) {
            if (list.path() == null) {
                return;
            }
            Object raw = path.get(input);
            if (raw == null) {
                return;
            }
            if (!(raw instanceof List<?> rows) || rows.stream().anyMatch(r -> !(r instanceof Map<?, ?>))) {
                errors.put(path.toString(), FieldError.of("not-a-list"));
                return;
            }
            if (rows.size() > MAX_LIST_SIZE) {
                errors.put(path.toString(), FieldError.of("too-many", MAX_LIST_SIZE));
                return;
            }
            if (rows.isEmpty()) {
                // form-js submits nothing for a dynamic list without rows
                return;
            }
            List<Object> stored = new ArrayList<>();
            values(path, stored);
            for (int i = 0; i < rows.size(); i++) {
                stored.add(new LinkedHashMap<String, Object>());
                walk(list.children(), path.plusRow(i), (Map<?, ?>) rows.get(i));
            }
        }

        private void input(FormField field, ValuePath path, Map<String, Object> scope) {
            boolean readonly = field.readonly() || field.readonlyWhen() != null && feel.isTrue(field.readonlyWhen(), scope);
            if (readonly) {
                // nobody may change it: a task's variable stays as it is; a start form keeps its default
                if (!path.isPresentIn(context)) {
                    values(path, emptyOrDefault(field));
                }
                return;
            }
            if (!path.isPresentIn(input)) {
                // not sent at all: untouched, so what form-js starts the field with (its default, else empty)
                values(path, emptyOrDefault(field));
                if (field.required() && isEmpty(emptyOrDefault(field))) {
                    errors.put(path.toString(), FieldError.of("required"));
                }
                return;
            }
            try {
                values(path, convert(field, path.get(input), scope));
            } catch (Refused refused) {
                errors.put(path.toString(), refused.error);
            }
        }

        private void values(ValuePath path, Object value) {
            path.set(values, value);
        }

        /**
         * What FEEL sees: the form's variables, what was submitted, and inside a dynamic list the row's own fields
         * (also as {@code this}) with the whole form as {@code parent}.
         */
        private Map<String, Object> scope(Map<?, ?> row) {
            Map<String, Object> scope = new HashMap<>(context);
            input.forEach((key, value) -> {
                if (value != null) {
                    scope.put(key, value);
                }
            });
            if (row != null) {
                scope.put("parent", new HashMap<>(scope));
                row.forEach((key, value) -> {
                    if (key instanceof String name && value != null) {
                        scope.put(name, value);
                    }
                });
                scope.put("this", row);
            }
            return scope;
        }

        /** Every name sent that no field of the form binds is refused (and so is a list where a field expects a row). */
        void refuseUnexpected(List<FormField> components) {
            unexpected(input, bindings(components), ValuePath.ROOT);
        }

        private void unexpected(Map<?, ?> sent, Map<String, Object> allowed, ValuePath at) {
            sent.forEach((name, value) -> {
                String key = String.valueOf(name);
                String where = at.isRoot() ? key : at + "." + key;
                Object binding = allowed.get(key);
                if (binding == null) {
                    errors.put(where, FieldError.of("unexpected"));
                } else if (binding instanceof Map<?, ?> nested && value instanceof Map<?, ?> nestedValue) {
                    unexpected(nestedValue, cast(nested), at.plus(key));
                } else if (binding instanceof RowBindings rowBindings && value instanceof List<?> rows) {
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i) instanceof Map<?, ?> rowValue) {
                            unexpected(rowValue, rowBindings.fields(), at.plus(key).plusRow(i));
                        }
                    }
                } else if (binding instanceof Map<?, ?> && value != null) {
                    errors.putIfAbsent(where, FieldError.of("unexpected"));
                }
            });
        }
    }

    /** An expression field to compute once everything else is in. */
    private record Computed(FormField field, ValuePath path, ValuePath prefix) {
    }

    /** The names a form binds, as a tree: a field's name maps to FIELD, a group path to its names, a list to its rows. */
    static Map<String, Object> bindings(List<FormField> fields) {
        Map<String, Object> tree = new LinkedHashMap<>();
        bind(fields, tree);
        return tree;
    }

    private record RowBindings(Map<String, Object> fields) {
    }

    private static final Object FIELD = "field";

    private static void bind(List<FormField> fields, Map<String, Object> tree) {
        for (FormField field : fields) {
            if (GROUP.equals(field.type())) {
                bind(field.children(), at(tree, field.path()));
            } else if (DYNAMIC_LIST.equals(field.type()) && field.path() != null) {
                String[] names = field.path().split("\\.");
                Map<String, Object> parent = at(tree, String.join(".", java.util.Arrays.copyOf(names, names.length - 1)));
                Map<String, Object> row = new LinkedHashMap<>();
                bind(field.children(), row);
                parent.put(names[names.length - 1], new RowBindings(row));
            } else if (field.isInput()) {
                String[] names = field.key().split("\\.");
                Map<String, Object> parent = at(tree, String.join(".", java.util.Arrays.copyOf(names, names.length - 1)));
                parent.put(names[names.length - 1], FIELD);
            }
        }
    }

    private static Map<String, Object> at(Map<String, Object> tree, String dotted) {
        Map<String, Object> current = tree;
        if (dotted == null || dotted.isBlank()) {
            return current;
        }
        for (String name : dotted.split("\\.")) {
            Object next = current.get(name);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(name, next);
            }
            current = cast(next);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static int countValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().mapToInt(v -> 1 + countValues(v)).sum();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().mapToInt(FormSubmissionValidator::countValues).sum();
        }
        return 0;
    }

    /** What form-js holds for a field nobody touched: its default, else its empty value. */
    static Object emptyOrDefault(FormField field) {
        Object fallback = field.defaultValue();
        return fallback != null ? defaultIn(field, fallback) : emptyValue(field);
    }

    private static Object defaultIn(FormField field, Object fallback) {
        return switch (field.type()) {
            case NUMBER -> fallback instanceof Number n ? stored(field, new BigDecimal(n.toString())) : fallback;
            case TEXTFIELD, TEXTAREA -> String.valueOf(fallback);
            default -> fallback;
        };
    }

    /** form-js's {@code emptyValue} per component (render/components/form-fields/*.js). */
    static Object emptyValue(FormField field) {
        return switch (field.type()) {
            case TEXTFIELD, TEXTAREA -> "";
            case CHECKBOX -> Boolean.FALSE;
            case CHECKLIST, TAGLIST -> new ArrayList<>();
            default -> null;
        };
    }

    private Object convert(FormField field, Object raw, Map<String, Object> scope) {
        if (isEmpty(raw)) {
            if (field.required()) {
                throw new Refused(FieldError.of("required"));
            }
            return emptyValue(field);
        }
        return switch (field.type()) {
            case TEXTFIELD, TEXTAREA -> text(field, raw, scope);
            case NUMBER -> number(field, raw, scope);
            case CHECKBOX -> checkbox(field, raw);
            case RADIO, SELECT -> choice(field, raw, scope);
            case CHECKLIST, TAGLIST -> choices(field, raw, scope);
            case DATETIME -> dateTime(field, raw);
            default -> throw new Refused(FieldError.of("unsupported"));
        };
    }

    private String text(FormField field, Object raw, Map<String, Object> scope) {
        if (!(raw instanceof String sent)) {
            throw new Refused(FieldError.of("not-text"));
        }
        if (sent.length() > MAX_TEXT_LENGTH) {
            throw new Refused(FieldError.of("max-length", MAX_TEXT_LENGTH));
        }
        // control characters are no one's text and databases differ on them (PostgreSQL refuses NUL, H2 stores
        // it): removed, as in request.FreeText; line breaks and tabs stay
        String text = CONTROL.matcher(sent).replaceAll("");
        // form-js measures the trimmed text
        int length = text.strip().length();
        Integer max = bound(field, "maxLength", field.maxLength(), scope);
        if (max != null && length > max) {
            throw new Refused(FieldError.of("max-length", max));
        }
        Integer min = bound(field, "minLength", field.minLength(), scope);
        if (min != null && length < min) {
            throw new Refused(FieldError.of("min-length", min));
        }
        if (field.required() && text.isBlank()) {
            throw new Refused(FieldError.of("required"));
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
            throw new Refused(FieldError.of("pattern", field.pattern()));
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text.strip()).matches()) {
            throw new Refused(FieldError.of("email"));
        }
        if ("phone".equals(field.validationType())
                && !PHONE.matcher(text.strip().replaceAll("[ ()\\-]", "")).matches()) {
            throw new Refused(FieldError.of("phone"));
        }
        return text;
    }

    /** A bound as a number, or evaluated when the form writes it as FEEL; a FEEL result that is no number is unset. */
    private Integer bound(FormField field, String name, Integer literal, Map<String, Object> scope) {
        BigDecimal bound = decimalBound(field, name, literal == null ? null : BigDecimal.valueOf(literal), scope);
        return bound == null ? null : bound.intValue();
    }

    private BigDecimal decimalBound(FormField field, String name, BigDecimal literal, Map<String, Object> scope) {
        String expression = field.boundExpression(name);
        if (expression == null) {
            return literal;
        }
        Object value = feel.value(expression, scope);
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    /** form-js tests the pattern as a JavaScript RegExp does: anywhere in the text, no anchors added. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException | StackOverflowError e) {
            throw new Refused(FieldError.of("pattern", pattern));
        }
    }

    private Object number(FormField field, Object raw, Map<String, Object> scope) {
        BigDecimal number;
        try {
            // form-js turns a decimal comma into a point as the user types
            number = raw instanceof Number n ? new BigDecimal(n.toString())
                    : raw instanceof String s && s.strip().length() <= 40 ? new BigDecimal(s.strip().replace(',', '.'))
                    : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.abs().compareTo(new BigDecimal("1e300")) > 0) {
            throw new Refused(FieldError.of("not-a-number"));
        }
        Integer digits = field.decimalDigits();
        if (digits != null && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            throw new Refused(digits == 0 ? FieldError.of("whole-number") : FieldError.of("decimal-digits", digits));
        }
        BigDecimal increment = field.increment();
        if (increment != null && number.remainder(increment).signum() != 0) {
            BigDecimal below = number.subtract(number.remainder(increment));
            throw new Refused(FieldError.of("increment", below.stripTrailingZeros().toPlainString(),
                    below.add(increment).stripTrailingZeros().toPlainString()));
        }
        BigDecimal min = decimalBound(field, "min", field.min(), scope);
        if (min != null && number.compareTo(min) < 0) {
            throw new Refused(FieldError.of("min", min));
        }
        BigDecimal max = decimalBound(field, "max", field.max(), scope);
        if (max != null && number.compareTo(max) > 0) {
            throw new Refused(FieldError.of("max", max));
        }
        return stored(field, number);
    }

    /**
     * A number as Camunda Tasklist stores it: it sends the JavaScript number untyped, so the engine makes a whole
     * number Integer (Long when larger) and any other a Double; text when the field says {@code serializeToString}.
     */
    static Object stored(FormField field, BigDecimal number) {
        if (field.serializeToString()) {
            return number.stripTrailingZeros().toPlainString();
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            long value = whole.longValueExact();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }
        return number.doubleValue();
    }

    /** form-js: a required checkbox must be ticked. */
    private static Boolean checkbox(FormField field, Object raw) {
        Boolean ticked = bool(raw);
        if (field.required() && !ticked) {
            throw new Refused(FieldError.of("required"));
        }
        return ticked;
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.valueOf((String) raw);
        }
        throw new Refused(FieldError.of("not-a-choice"));
    }

    private Object choice(FormField field, Object raw, Map<String, Object> scope) {
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            throw new Refused(FieldError.of("not-a-choice"));
        }
        return allowedValue(options(field, scope), raw);
    }

    private List<Object> choices(FormField field, Object raw, Map<String, Object> scope) {
        if (!(raw instanceof Collection<?> chosen)) {
            throw new Refused(FieldError.of("not-a-choice"));
        }
        if (chosen.size() > MAX_LIST_SIZE) {
            throw new Refused(FieldError.of("too-many", MAX_LIST_SIZE));
        }
        List<Object> options = options(field, scope);
        List<Object> values = new ArrayList<>();
        for (Object item : chosen) {
            Object value = allowedValue(options, item);
            if (values.contains(value)) {
                throw new Refused(FieldError.of("not-a-choice"));
            }
            values.add(value);
        }
        if (field.required() && values.isEmpty()) {
            throw new Refused(FieldError.of("required"));
        }
        return values;
    }

    /** The option whose value equals the submitted one (compared as text: "1" picks 1), as the form defines it. */
    private static Object allowedValue(List<Object> options, Object raw) {
        if (raw == null || raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            throw new Refused(FieldError.of("not-a-choice"));
        }
        String wanted = plain(raw);
        return options.stream().filter(option -> plain(option).equals(wanted)).findFirst()
                .orElseThrow(() -> new Refused(FieldError.of("not-a-choice")));
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /**
     * Static options, the list in the variable named by {@code valuesKey}, or the list a FEEL
     * {@code valuesExpression} gives; each a {label, value} or a plain value.
     */
    private List<Object> options(FormField field, Map<String, Object> scope) {
        Object provided;
        if (field.optionsExpression() != null) {
            provided = feel.value(field.optionsExpression(), scope);
        } else if (field.optionsKey() != null) {
            provided = scope.get(field.optionsKey());
        } else {
            return field.options().stream().map(FormField.Option::value).filter(Objects::nonNull).toList();
        }
        if (!(provided instanceof Collection<?> list)) {
            return List.of();
        }
        return list.stream().map(item -> item instanceof Map<?, ?> option ? option.get("value") : item)
                .filter(Objects::nonNull).map(Object.class::cast).toList();
    }

    /** A date, time or date and time as form-js stores it: text, checked, kept as sent. */
    private String dateTime(FormField field, Object raw) {
        if (!(raw instanceof String text) || text.length() > 40) {
            throw new Refused(FieldError.of("not-a-date"));
        }
        FormDateTimes.Parsed parsed = FormDateTimes.parse(field, text.strip())
                .orElseThrow(() -> new Refused(FieldError.of("not-a-date")));
        // form-js: "disallow past dates" lets today through, and nothing before it
        if (field.disallowPassedDates() && parsed.date() != null
                && parsed.date().isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new Refused(FieldError.of("past-date"));
        }
        return text.strip();
    }

    private static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isEmpty())
                || (raw instanceof Collection<?> c && c.isEmpty());
    }

    /** A field's refusal, thrown inside this class only. */
    private static final class Refused extends RuntimeException {
        private final transient FieldError error;

        Refused(FieldError error) {
            super(error.messageKey(), null, false, false);
            this.error = error;
        }
    }
}
