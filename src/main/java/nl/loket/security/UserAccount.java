package nl.loket.security;

import java.util.Set;

/** A person who can log in to Loket. The password hash never leaves the security package. */
public record UserAccount(String username, String displayName, String email, String managerUsername,
                          boolean enabled, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
