package nl.loket.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the form-js JSON that Camunda Modeler writes into a {@link FormSchema}. */
@Component
public class FormSchemaParser {

    private static final Logger log = LoggerFactory.getLogger(FormSchemaParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_FORM_SIZE = 1_000_000;

    public FormSchema parse(String json) {
        if (json == null || json.length() > MAX_FORM_SIZE) {
            throw new InvalidFormException("A form must be JSON of at most " + MAX_FORM_SIZE + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFormException("Not a Camunda Form: the JSON cannot be read", e);
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new InvalidFormException("Not a Camunda Form: no 'components' list");
        }
        List<String> unsupported = new ArrayList<>();
        List<FormField> components = fields(root.path("components"), unsupported);
        checkUniqueKeys(components);
        String id = text(root, "id");
        if (!unsupported.isEmpty()) {
            log.warn("Form '{}' has components Loket does not support: {}", id, unsupported);
        }
        return new FormSchema(id, components, List.copyOf(unsupported));
    }

    private static List<FormField> fields(JsonNode array, List<String> unsupported) {
        List<FormField> fields = new ArrayList<>();
        int position = 0;
        for (JsonNode node : array) {
            position++;
            String type = text(node, "type");
            if (type == null || !FormFieldType.isSupported(type)) {
                unsupported.add(describe(node, type, position));
                continue;
            }
            if (FormFieldType.DYNAMIC_LIST.equals(type) && text(node, "path") == null) {
                // form-js would file its rows under a random name that no model can refer to
                unsupported.add(describe(node, type, position) + " without a path");
                continue;
            }
            fields.add(field(node, type, unsupported));
        }
        return List.copyOf(fields);
    }

    /**
     * A component as a process admin can find it in Modeler: its type and whatever names it (key, id, label), or
     * its position when nothing does (Modeler 4.x forms often have no ids).
     */
    static String describe(JsonNode node, String type, int position) {
        String name = text(node, "key") != null ? "key '" + text(node, "key") + "'"
                : text(node, "id") != null ? "id '" + text(node, "id") + "'"
                : text(node, "label") != null ? "label '" + text(node, "label") + "'"
                : "component " + position;
        return (type == null ? "a component without a type" : type) + " (" + name + ")";
    }

    private static FormField field(JsonNode node, String type, List<String> unsupported) {
        JsonNode validate = node.path("validate");
        List<FormField.Option> options = new ArrayList<>();
        for (JsonNode option : node.path("values")) {
            options.add(new FormField.Option(text(option, "label"), value(option.get("value"))));
        }
        String key = FormFieldType.isInput(type) ? text(node, "key") : null;
        return new FormField(text(node, "id"), type, key, label(node), text(node, "description"),
                text(node, "subtype"), validate.path("required").asBoolean(false), integer(validate, "minLength"),
                integer(validate, "maxLength"), decimal(validate, "min"), decimal(validate, "max"),
                text(validate, "pattern"), text(validate, "validationType"), List.copyOf(options),
                text(node, "valuesKey"), text(node.path("conditional"), "hide"), flag(node, "readonly"),
                flag(node, "disabled"), lockExpression(node), flag(node, "disallowPassedDates"),
                flag(node, "searchable"),
                value(node.get("defaultValue")), text(node, "text"), text(node, "action"), properties(node),
                node.path("components").isArray() ? fields(node.path("components"), unsupported) : List.of(),
                text(node.path("layout"), "row"), integer(node.path("layout"), "columns"), text(node, "path"),
                node);
    }

    /**
     * Every value has one place: no two fields bind the same path (key under the groups' paths), and no field's
     * value is where another field nests its own ({@code a} and {@code a.b}).
     */
    private static void checkUniqueKeys(List<FormField> components) {
        Set<String> paths = new HashSet<>();
        collectPaths(components, "", paths);
    }

    private static void collectPaths(List<FormField> fields, String prefix, Set<String> paths) {
        for (FormField field : fields) {
            if (FormFieldType.GROUP.equals(field.type())) {
                collectPaths(field.children(), join(prefix, field.path()), paths);
            } else if (FormFieldType.DYNAMIC_LIST.equals(field.type())) {
                String list = join(prefix, field.path());
                claim(list, paths, field.path());
                collectPaths(field.children(), list + "[]", paths);
            } else if (field.isInput()) {
                claim(join(prefix, field.key()), paths, field.key());
            }
        }
    }

    private static void claim(String path, Set<String> paths, String name) {
        boolean clash = !paths.add(path) || paths.stream().anyMatch(other -> !other.equals(path)
                && (other.startsWith(path + ".") || path.startsWith(other + ".")));
        if (clash) {
            throw new InvalidFormException("The key '" + name + "' is used by more than one field");
        }
    }

    private static String join(String prefix, String dotted) {
        return dotted == null || dotted.isBlank() ? prefix : prefix.isEmpty() ? dotted : prefix + "." + dotted;
    }

    /** A literal {@code true}; a FEEL expression ("=...") is read by {@link #lockExpression}. */
    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !isExpression(value) && (value.isTextual()
                ? "true".equalsIgnoreCase(value.asText().strip()) : value.asBoolean(false));
    }

    /** readonly or disabled as a FEEL expression ("=..."): locked while either is true. */
    private static String lockExpression(JsonNode node) {
        List<String> expressions = new ArrayList<>();
        for (String name : List.of("readonly", "disabled")) {
            JsonNode value = node.get(name);
            if (value != null && isExpression(value)) {
                expressions.add("(" + value.asText().strip().substring(1) + ") = true");
            }
        }
        return expressions.isEmpty() ? null : "=" + String.join(" or ", expressions);
    }

    private static boolean isExpression(JsonNode value) {
        return value.isTextual() && value.asText().strip().startsWith("=");
    }

    /** form-js names a date/time field's label dateLabel or timeLabel. */
    private static String label(JsonNode node) {
        String label = text(node, "label");
        return label != null ? label : text(node, "dateLabel") != null ? text(node, "dateLabel") : text(node, "timeLabel");
    }

    private static Map<String, String> properties(JsonNode node) {
        Map<String, String> properties = new LinkedHashMap<>();
        node.path("properties").fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode()) {
                properties.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return Map.copyOf(properties);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            // as Jackson (and so Camunda's REST API) reads a JSON number: Integer, Long, else a decimal
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : node.decimalValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            // checklist and taglist defaults: a list of option values
            List<Object> values = new ArrayList<>();
            node.forEach(item -> values.add(value(item)));
            return java.util.Collections.unmodifiableList(values);
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
