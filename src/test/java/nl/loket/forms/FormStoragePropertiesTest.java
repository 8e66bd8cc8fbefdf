package nl.loket.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.loket.workflow.FeelEvaluator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Random forms (every input type, required, defaults, read-only, disabled, groups with a path, dotted keys) and random
 * valid submissions to them: what Loket stores equals what the schema says form-js submits, by a model of form-js
 * written here on its own (a value for each keyed field that is not disabled; untouched or read-only ones as the form
 * starts them, default else empty; nested by path), and no exception escapes.
 */
class FormStoragePropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final FormSubmissionValidator VALIDATOR = new FormSubmissionValidator(new FeelEvaluator(),
            Clock.fixed(TODAY.atStartOfDay(ZONE).toInstant(), ZONE), ZONE);
    private static final List<String> TYPES = List.of("textfield", "textarea", "number", "checkbox", "select",
            "radio", "checklist", "taglist", "datetime");
    private static final List<String> OPTIONS = List.of("a", "b", "c");

    /** One generated field: where it sits and how it behaves; {@code sent} is what the user left in it. */
    record Field(String type, String group, String key, boolean required, boolean readonly, boolean disabled,
                 Object defaultValue, boolean omitted, Object sent) {

        List<String> path() {
            List<String> path = new ArrayList<>();
            if (group != null) {
                path.add(group);
            }
            path.addAll(List.of(key.split("\\.")));
            return path;
        }
    }

    @Property(tries = 300)
    void what_loket_stores_is_what_form_js_submits(@ForAll("forms") List<Field> fields) {
        FormSchema form = new FormSchemaParser().parse(schema(fields).toString());
        Map<String, Object> submitted = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Field field : fields) {
            if (!field.omitted()) {
                put(submitted, field.path(), field.sent());
            }
            if (!field.disabled()) {
                Object stored = field.readonly() || field.omitted() ? startValue(field) : asStored(field, field.sent());
                put(expected, field.path(), stored);
            }
        }
        FormValidation result = VALIDATOR.validate(form, submitted, Map.of());
        assertThat(result.errors()).as("a valid submission %s to %s", submitted, fields).isEmpty();
        assertThat(result.values()).isEqualTo(expected);
    }

    /** form-js's value for a field nobody touched: its default, else its empty value. */
    private static Object startValue(Field field) {
        return field.defaultValue() != null ? field.defaultValue() : empty(field.type());
    }

    private static Object empty(String type) {
        return switch (type) {
            case "textfield", "textarea" -> "";
            case "checkbox" -> false;
            case "checklist", "taglist" -> List.of();
            default -> null;
        };
    }

    /** What Tasklist stores for a value the user gave: numbers as the engine reads a JSON number, empties as empty. */
    private static Object asStored(Field field, Object sent) {
        if (sent == null || "".equals(sent)) {
            return empty(field.type());
        }
        if (sent instanceof BigDecimal number) {
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.intValueExact() : number.doubleValue();
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> data, List<String> path, Object value) {
        Map<String, Object> current = data;
        for (String name : path.subList(0, path.size() - 1)) {
            current = (Map<String, Object>) current.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
        }
        current.put(path.get(path.size() - 1), value);
    }

    private static ObjectNode schema(List<Field> fields) {
        ObjectNode form = JSON.createObjectNode().put("type", "default").put("schemaVersion", 16);
        ArrayNode components = form.putArray("components");
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        for (Field field : fields) {
            ArrayNode into = components;
            if (field.group() != null) {
                into = groups.computeIfAbsent(field.group(), name -> {
                    ObjectNode group = components.addObject().put("type", "group").put("path", name)
                            .put("label", name);
                    return group.putArray("components");
                });
            }
            ObjectNode component = into.addObject().put("type", field.type()).put("key", field.key())
                    .put("label", field.key());
            if (field.required()) {
                component.putObject("validate").put("required", true);
            }
            if (field.readonly()) {
                component.put("readonly", true);
            }
            if (field.disabled()) {
                component.put("disabled", true);
            }
            if (field.defaultValue() != null) {
                component.set("defaultValue", JSON.valueToTree(field.defaultValue()));
            }
            if (List.of("select", "radio", "checklist", "taglist").contains(field.type())) {
                ArrayNode values = component.putArray("values");
                OPTIONS.forEach(option -> values.addObject().put("label", option.toUpperCase()).put("value", option));
            }
            if ("datetime".equals(field.type())) {
                component.put("subtype", "date").put("dateLabel", field.key());
            }
        }
        return form;
    }

    @Provide
    Arbitrary<List<Field>> forms() {
        return Arbitraries.integers().between(1, 8).flatMap(size -> field().list().ofSize(size)).map(list -> {
            // unique keys, one per field: k0, k1.x (dotted), ...
            List<Field> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Field f = list.get(i);
                String key = f.key().contains(".") ? "k" + i + ".x" : "k" + i;
                numbered.add(new Field(f.type(), f.group(), key, f.required(), f.readonly(), f.disabled(),
                        f.defaultValue(), f.omitted(), f.sent()));
            }
            return numbered;
        });
    }

    private Arbitrary<Field> field() {
        return Arbitraries.of(TYPES).flatMap(type -> Combinators.combine(
                Arbitraries.of((String) null, null, "g1", "g2"),
                Arbitraries.of("k", "k", "k.x"),
                Arbitraries.of(false, false, true),
                Arbitraries.of(false, false, false, true),
                Arbitraries.of(false, false, false, true),
                defaultOf(type).injectNull(0.6),
                Arbitraries.of(false, true),
                valueOf(type)).as((group, key, requiredAsked, readonly, disabled, fallback, omitted, sent) -> {
                    // form-js also checks read-only fields; one that is required and empty can never be sent
                    boolean required = requiredAsked && !readonly;
                    // a required field the user leaves must still hold something: a default, or a value sent
                    boolean mustSend = required && !readonly && !disabled
                            && (fallback == null || isEmptyValue(fallback) || "checkbox".equals(type) && !Boolean.TRUE.equals(fallback));
                    Object value = required && isEmptyValue(sent) ? filled(type) : sent;
                    return new Field(type, group, key, required, readonly, disabled, fallback,
                            omitted && !mustSend, value);
                }));
    }

    private static boolean isEmptyValue(Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof List<?> list && list.isEmpty()
                || Boolean.FALSE.equals(value);
    }

    private static Object filled(String type) {
        return switch (type) {
            case "textfield", "textarea" -> "filled";
            case "number" -> new BigDecimal("7");
            case "checkbox" -> true;
            case "select", "radio" -> "b";
            case "checklist", "taglist" -> List.of("c");
            default -> TODAY.plusDays(1).toString();
        };
    }

    private static Arbitrary<Object> defaultOf(String type) {
        return switch (type) {
            case "textfield", "textarea" -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s);
            case "number" -> Arbitraries.integers().between(-1000, 1000).map(i -> (Object) i);
            case "checkbox" -> Arbitraries.of(true, false).map(b -> b);
            case "select", "radio" -> Arbitraries.of(OPTIONS).map(o -> o);
            case "checklist", "taglist" -> Arbitraries.of(OPTIONS).set().ofMaxSize(3)
                    .map(set -> (Object) OPTIONS.stream().filter(set::contains).toList());
            default -> Arbitraries.just(null);
        };
    }

    private static Arbitrary<Object> valueOf(String type) {
        return switch (type) {
            case "textfield" -> Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(s -> s);
            case "textarea" -> Arbitraries.strings().withChars("ab \n\té€中").ofMaxLength(60).map(s -> s);
            case "number" -> Arbitraries.oneOf(
                    Arbitraries.integers().map(i -> (Object) new BigDecimal(i)),
                    Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(2)
                            .map(d -> (Object) d),
                    Arbitraries.just(null));
            case "checkbox" -> Arbitraries.of(true, false).map(b -> b);
            case "select", "radio" -> Arbitraries.of("a", "b", "c").injectNull(0.2).map(o -> o);
            case "checklist", "taglist" -> Arbitraries.of(OPTIONS).set().ofMaxSize(3)
                    .map(set -> (Object) OPTIONS.stream().filter(set::contains).toList());
            default -> Arbitraries.integers().between(0, 400).map(days -> (Object) TODAY.plusDays(days).toString())
                    .injectNull(0.2);
        };
    }
}
