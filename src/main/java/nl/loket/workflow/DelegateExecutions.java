package nl.loket.workflow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an execution listener (a request type's start) may need beyond the execution's own methods. */
public final class DelegateExecutions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_FORMAT = "application/json";

    private DelegateExecutions() {
    }

    /**
     * The user the engine's current command runs for: set by engine-rest and Camunda's web apps (Tasklist); null
     * when Loket's own services or the job executor call the engine.
     */
    public static String authenticatedUser(DelegateExecution execution) {
        return authenticatedUser(execution.getProcessEngineServices());
    }

    static String authenticatedUser(ProcessEngineServices engine) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    public static String processKey(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }

    /**
     * The instance's own variables as plain Java values, as a form submission carries them: text, numbers,
     * booleans, dates and null as they are; JSON (Spin's Json type, which Tasklist sends for lists and objects) as
     * lists and maps. Other values (serialized Java objects, files) become a value no form field accepts.
     */
    public static Map<String, Object> plainVariables(DelegateExecution execution) {
        Map<String, Object> plain = new LinkedHashMap<>();
        VariableMap variables = execution.getVariablesLocalTyped(false);
        variables.keySet().forEach(name -> plain.put(name, plain(name, variables.getValueTyped(name))));
        return plain;
    }

    private static Object plain(String name, TypedValue value) {
        if (value == null || ValueType.NULL.equals(value.getType())) {
            return null;
        }
        if (value instanceof PrimitiveValue<?> primitive) {
            return primitive.getValue();
        }
        if (value instanceof SerializableValue serializable
                && JSON_FORMAT.equals(serializable.getSerializationDataFormat())) {
            try {
                return serializable.getValueSerialized() == null ? null
                        : JSON.readValue(serializable.getValueSerialized(), Object.class);
            } catch (JsonProcessingException e) {
                return new Unsupported(name, "unreadable JSON");
            }
        }
        return new Unsupported(name, value.getType() == null ? "unknown" : value.getType().getName());
    }

    /** A submitted value of a type no form field has: it matches no option and is neither text nor number. */
    private record Unsupported(String name, String type) {
        @Override
        public String toString() {
            return "(" + type + " value of " + name + ")";
        }
    }

    /**
     * Makes these the instance's own variables: sets each (lists and maps as Json, as Loket's own start stores them)
     * and removes every other one.
     */
    public static void replaceVariables(DelegateExecution execution, Map<String, Object> variables) {
        Set<String> others = new HashSet<>(execution.getVariableNamesLocal());
        others.removeAll(variables.keySet());
        others.forEach(execution::removeVariableLocal);
        JsonVariables.toEngine(variables).forEach(execution::setVariableLocal);
    }

    /** A refused start because of who starts it: engine-rest answers 403 with this message. */
    public static RuntimeException startNotAllowed(String message) {
        return new AuthorizationException(message);
    }

    /** A refused start because of what was submitted: engine-rest answers 400 with this message. */
    public static RuntimeException invalidStart(String message) {
        return new FormFieldValidationException(null, message);
    }
}
