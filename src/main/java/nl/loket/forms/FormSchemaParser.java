package nl.loket.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        for (JsonNode node : array) {
            String type = text(node, "type");
            if (type == null || !FormFieldType.isSupported(type)) {
                unsupported.add(type + " (" + text(node, "id") + ")");
                continue;
            }
            fields.add(field(node, type, unsupported));
        }
        return List.copyOf(fields);
    }

    private static FormField field(JsonNode node, String type, List<String> unsupported) {
        JsonNode validate = node.path("validate");
        List<FormField.Option> options = new ArrayList<>();
        for (JsonNode option : node.path("values")) {
            options.add(new FormField.Option(text(option, "label"), value(option.get("value"))));
        }
        String key = FormFieldType.isInput(type) ? text(node, "key") : null;
        return new FormField(text(node, "id"), type, key, text(node, "label"), text(node, "description"),
                text(node, "subtype"), validate.path("required").asBoolean(false), integer(validate, "minLength"),
                integer(validate, "maxLength"), decimal(validate, "min"), decimal(validate, "max"),
                text(validate, "pattern"), text(validate, "validationType"), List.copyOf(options),
                text(node, "valuesKey"), text(node.path("conditional"), "hide"), flag(node, "readonly"),
                flag(node, "disabled"), value(node.get("defaultValue")), text(node, "text"),
                node.path("components").isArray() ? fields(node.path("components"), unsupported) : List.of(),
                text(node.path("layout"), "row"), integer(node.path("layout"), "columns"));
    }

    private static void checkUniqueKeys(List<FormField> components) {
        Set<String> keys = new HashSet<>();
        for (FormField field : new FormSchema(null, components, List.of()).inputs()) {
            if (!keys.add(field.key())) {
                throw new InvalidFormException("The key '" + field.key() + "' is used by more than one field");
            }
        }
    }

    /** readonly/disabled may be a FEEL expression in form-js: treat any expression as locked, the safe side. */
    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && (value.isTextual() ? !value.asText().isBlank() : value.asBoolean(false));
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
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
