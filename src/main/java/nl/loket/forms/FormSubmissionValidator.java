package nl.loket.forms;

import static nl.loket.forms.FormFieldType.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import nl.loket.workflow.FeelEvaluator;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against its Camunda Form on the server, whatever the browser (or a tampered request) sent:
 * unknown fields, required fields, lengths, ranges, patterns, e-mail and phone, allowed options, and types.
 * Returns typed values (numbers as numbers, dates as dates) only when everything is valid.
 */
@Component
public class FormSubmissionValidator {

    /** Upper bounds even when a form sets none: no field may carry more than this. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_LIST_SIZE = 100;
    public static final int MAX_FIELDS = 500;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,20}$");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final FeelEvaluator feel;
    private final Clock clock;

    public FormSubmissionValidator(FeelEvaluator feel, Clock clock) {
        this.feel = feel;
        this.clock = clock;
    }

    /**
     * @param submitted the values as sent, by field key
     * @param context   variables the form may refer to (options from {@code valuesKey}, conditions)
     */
    public FormValidation validate(FormSchema form, Map<String, Object> submitted, Map<String, Object> context) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> input = submitted == null ? Map.of() : submitted;
        List<FormField> fields = form.inputs();
        Set<String> keys = new LinkedHashSet<>();
        fields.forEach(field -> keys.add(field.key()));
        if (input.size() > MAX_FIELDS) {
            return new FormValidation(Map.of(), Map.of("", FieldError.of("too-many-fields", MAX_FIELDS)));
        }
        for (String key : input.keySet()) {
            if (!keys.contains(key)) {
                errors.put(String.valueOf(key), FieldError.of("unexpected"));
            }
        }
        Map<String, Object> conditionContext = new HashMap<>(context == null ? Map.of() : context);
        input.forEach((key, value) -> {
            if (keys.contains(key) && value != null) {
                conditionContext.put(key, value);
            }
        });
        for (FormField field : fields) {
            if (field.hideWhen() != null && feel.isTrue(field.hideWhen(), conditionContext)) {
                continue;
            }
            if (field.isLocked() || field.lockedWhen() != null && feel.isTrue(field.lockedWhen(), conditionContext)) {
                continue;
            }
            try {
                Object value = convert(field, input.get(field.key()), conditionContext);
                if (value != null) {
                    values.put(field.key(), value);
                }
            } catch (Refused refused) {
                errors.put(field.key(), refused.error);
            }
        }
        return errors.isEmpty() ? new FormValidation(values, Map.of()) : new FormValidation(Map.of(), errors);
    }

    private Object convert(FormField field, Object raw, Map<String, Object> context) {
        if (isEmpty(raw)) {
            if (field.required()) {
                throw new Refused(FieldError.of("required"));
            }
            return CHECKBOX.equals(field.type()) ? Boolean.FALSE : null;
        }
        return switch (field.type()) {
            case TEXTFIELD, TEXTAREA -> text(field, raw);
            case NUMBER -> number(field, raw);
            case CHECKBOX -> bool(raw);
            case RADIO, SELECT -> choice(field, raw, context);
            case CHECKLIST, TAGLIST -> choices(field, raw, context);
            case DATETIME -> dateTime(field, raw);
            default -> throw new Refused(FieldError.of("unsupported"));
        };
    }

    private static String text(FormField field, Object raw) {
        if (!(raw instanceof String text)) {
            throw new Refused(FieldError.of("not-text"));
        }
        int max = field.maxLength() == null ? MAX_TEXT_LENGTH : Math.min(field.maxLength(), MAX_TEXT_LENGTH);
        if (text.length() > max) {
            throw new Refused(FieldError.of("max-length", max));
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            throw new Refused(FieldError.of("min-length", field.minLength()));
        }
        if (field.required() && text.isBlank()) {
            throw new Refused(FieldError.of("required"));
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
            throw new Refused(FieldError.of("pattern"));
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text.strip()).matches()) {
            throw new Refused(FieldError.of("email"));
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text.strip()).matches()) {
            throw new Refused(FieldError.of("phone"));
        }
        return text;
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new Refused(FieldError.of("pattern"));
        }
    }

    private static Object number(FormField field, Object raw) {
        BigDecimal number;
        try {
            number = raw instanceof Number n ? new BigDecimal(n.toString())
                    : raw instanceof String s && s.strip().length() <= 40 ? new BigDecimal(s.strip()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            throw new Refused(FieldError.of("not-a-number"));
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw new Refused(FieldError.of("min", field.min()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw new Refused(FieldError.of("max", field.max()));
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return whole.longValueExact();
        }
        double asDouble = number.doubleValue();
        if (Double.isInfinite(asDouble)) {
            throw new Refused(FieldError.of("not-a-number"));
        }
        return asDouble;
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

    private static Object choice(FormField field, Object raw, Map<String, Object> context) {
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            throw new Refused(FieldError.of("not-a-choice"));
        }
        return allowedValue(options(field, context), raw);
    }

    private static List<Object> choices(FormField field, Object raw, Map<String, Object> context) {
        if (!(raw instanceof Collection<?> chosen)) {
            throw new Refused(FieldError.of("not-a-choice"));
        }
        if (chosen.size() > MAX_LIST_SIZE) {
            throw new Refused(FieldError.of("too-many", MAX_LIST_SIZE));
        }
        List<Object> options = options(field, context);
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

    /** Static options, or the list in the context variable named by {@code valuesKey} ({label, value} or plain). */
    private static List<Object> options(FormField field, Map<String, Object> context) {
        if (field.optionsKey() == null) {
            return field.options().stream().map(FormField.Option::value).filter(Objects::nonNull).toList();
        }
        Object provided = context.get(field.optionsKey());
        if (!(provided instanceof Collection<?> list)) {
            return List.of();
        }
        return list.stream().map(item -> item instanceof Map<?, ?> option ? option.get("value") : item)
                .filter(Objects::nonNull).map(Object.class::cast).toList();
    }

    private Object dateTime(FormField field, Object raw) {
        String subtype = field.subtype() == null ? "date" : field.subtype();
        Date value;
        try {
            value = switch (subtype) {
                case "time" -> null;
                case "datetime" -> raw instanceof Date d ? d
                        : Date.from(LocalDateTime.parse(textOf(raw)).atZone(ZONE).toInstant());
                default -> raw instanceof LocalDate d ? Date.from(d.atStartOfDay(ZONE).toInstant())
                        : Date.from(LocalDate.parse(textOf(raw)).atStartOfDay(ZONE).toInstant());
            };
            if (value == null) {
                return LocalTime.parse(textOf(raw)).toString();
            }
        } catch (DateTimeParseException e) {
            throw new Refused(FieldError.of("not-a-date"));
        }
        // form-js: "disallow past dates" lets today through, and nothing before it
        if (field.disallowPassedDates()
                && value.toInstant().isBefore(LocalDate.now(clock.withZone(ZONE)).atStartOfDay(ZONE).toInstant())) {
            throw new Refused(FieldError.of("past-date"));
        }
        return value;
    }

    private static String textOf(Object raw) {
        if (!(raw instanceof String text) || text.length() > 40) {
            throw new Refused(FieldError.of("not-a-date"));
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
