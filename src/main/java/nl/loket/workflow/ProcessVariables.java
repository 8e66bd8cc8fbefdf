package nl.loket.workflow;

import java.util.HashMap;
import java.util.Map;

/** Builds a variable map from typed variables, so no call site spells a variable name. Null values are kept. */
public final class ProcessVariables {

    private final Map<String, Object> values = new HashMap<>();

    private ProcessVariables() {
    }

    public static ProcessVariables create() {
        return new ProcessVariables();
    }

    public <T> ProcessVariables with(ProcessVariable<T> variable, T value) {
        values.put(variable.name(), value);
        return this;
    }

    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(new HashMap<>(values));
    }
}
