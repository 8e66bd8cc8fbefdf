package nl.loket.directory.password;

import java.util.List;

/**
 * Why a new password is refused: a message key ({@code password.policy.<code>} in the bundles) and its arguments.
 * Never carries the password itself.
 */
public record PasswordProblem(String code, List<Object> arguments) {

    public String messageKey() {
        return "password.policy." + code;
    }
}
