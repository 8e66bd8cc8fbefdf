package nl.loket.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A named, typed process variable: the one way Loket reads and writes variables. */
public record ProcessVariable<T>(String name, Class<T> type) {

    public T from(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return type.cast(value);
    }

    public T fromOrNull(VariableScope scope) {
        Object value = scope.getVariable(name);
        return value == null ? null : type.cast(value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }
}
