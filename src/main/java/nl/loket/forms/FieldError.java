package nl.loket.forms;

import java.util.List;

/** Why one field was refused: a message key (bundles: {@code form.validation.*}) and its arguments. */
public record FieldError(String messageKey, List<Object> arguments) {

    static FieldError of(String messageKey, Object... arguments) {
        return new FieldError("form.validation." + messageKey, List.of(arguments));
    }
}
