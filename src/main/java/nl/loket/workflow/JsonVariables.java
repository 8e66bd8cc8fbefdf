package nl.loket.workflow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lists and maps as process variables the way Camunda Tasklist stores a form's lists and objects: Spin JSON
 * ({@code Json}), readable by FEEL, JUEL ({@code ${items.elements()}}), Cockpit and Tasklist alike; never
 * serialised Java objects. And back: a Json variable as plain lists and maps for Loket's forms.
 */
final class JsonVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonVariables() {
    }

    /** The variables with every list and map turned into a Json value; other values as they are. */
    static Map<String, Object> toEngine(Map<String, Object> variables) {
        Map<String, Object> converted = new LinkedHashMap<>();
        variables.forEach((name, value) -> converted.put(name,
                value instanceof Collection<?> || value instanceof Map<?, ?> ? json(value) : value));
        return converted;
    }

    private static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A form value cannot be written as JSON", e);
        }
    }

    /** Typed variables as plain Java: Json values as lists and maps, everything else as its value. */
    static Map<String, Object> fromEngine(VariableMap variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            TypedValue typed = variables.getValueTyped(name);
            plain.put(name, plain(typed));
        }
        return plain;
    }

    /** One typed value as plain Java: Json as lists and maps. */
    static Object plain(TypedValue typed) {
        return typed instanceof JsonValue json ? parse(json) : typed == null ? null : typed.getValue();
    }

    private static Object parse(JsonValue json) {
        String text = json.getValueSerialized();
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
