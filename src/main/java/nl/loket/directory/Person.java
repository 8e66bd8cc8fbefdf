package nl.loket.directory;

import java.util.Set;

/**
 * A person as the directory holds them.
 *
 * @param managerUsername the username of the person their {@code manager} attribute points to, if any
 * @param enabled         false when the account is disabled or locked in the directory
 * @param groups          the names of the groups they are a member of
 */
public record Person(String username, String dn, String displayName, String email, String managerUsername,
                     String department, String title, String preferredLanguage, boolean enabled,
                     Set<String> groups) {
}
