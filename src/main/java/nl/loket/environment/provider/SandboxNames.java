package nl.loket.environment.provider;

import java.util.regex.Pattern;

/**
 * The database and its owner role for an environment key: {@code env-42} becomes database {@code sandbox_env_42}
 * owned by {@code sandbox_env_42_owner}. These names go into SQL statements that take no parameters (CREATE
 * DATABASE, ALTER ROLE), so only keys that cannot change the meaning of a statement are accepted.
 */
record SandboxNames(String database, String owner) {

    /**
     * Lower-case letters, digits and hyphens. Underscores are refused so that the mapping stays one-to-one: otherwise
     * {@code env-42} and {@code env_42} would share a database.
     */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9_]+");
    private static final String DATABASE_PREFIX = "sandbox_";
    private static final String OWNER_SUFFIX = "_owner";
    /** PostgreSQL silently cuts identifiers to 63 bytes, which could make two keys share a database. */
    private static final int MAX_IDENTIFIER_LENGTH = 63;
    static final int MAX_KEY_LENGTH = MAX_IDENTIFIER_LENGTH - DATABASE_PREFIX.length() - OWNER_SUFFIX.length();

    SandboxNames {
        requireIdentifier(database);
        requireIdentifier(owner);
    }

    static SandboxNames forKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.length() > MAX_KEY_LENGTH) {
            throw new ProviderException("Environment key " + (key == null ? null : "'" + key + "'")
                    + " cannot name a PostgreSQL sandbox: use at most " + MAX_KEY_LENGTH
                    + " lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        String database = DATABASE_PREFIX + key.replace('-', '_');
        return new SandboxNames(database, database + OWNER_SUFFIX);
    }

    String quotedDatabase() {
        return quote(database);
    }

    String quotedOwner() {
        return quote(owner);
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches() || name.length() > MAX_IDENTIFIER_LENGTH) {
            throw new ProviderException("Not a safe PostgreSQL identifier: " + name);
        }
    }
}
