package nl.loket.environment.provider;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Database sandboxes on a PostgreSQL server: per environment key one database, owned by one login role that only it
 * may connect with. Stopping forbids connections and ends open ones; nothing in the database is lost.
 * <p>
 * Every statement runs in autocommit, because CREATE and DROP DATABASE cannot run in a transaction. So a step that
 * fails halfway leaves what it created so far, and the retried job continues from there: each operation checks what
 * exists before it creates, and uses IF EXISTS when it removes.
 * <p>
 * Passwords are generated here, handed out once as {@link Provisioning#oneTimeSecret()} and never stored or logged.
 * The server receives only their SCRAM-SHA-256 verifier (see {@link ScramVerifier}). Configuration and the
 * privileges the administrator needs: docs/environment-providers.md.
 */
@Component
@ConditionalOnProperty(prefix = "loket.environments.postgresql", name = "url")
@EnableConfigurationProperties(PostgresSandboxProperties.class)
class PostgresSandboxProvider implements EnvironmentProvider {

    static final String ID = "postgresql";

    private static final Logger log = LoggerFactory.getLogger(PostgresSandboxProvider.class);
    /** 144 random bits, 24 characters of URL-safe Base64: easy to paste, no quoting needed anywhere. */
    private static final int PASSWORD_BYTES = 18;

    private final DataSource admin;
    private final String host;
    private final int port;
    private final SecureRandom random = new SecureRandom();

    PostgresSandboxProvider(PostgresSandboxProperties properties) {
        // a connection per operation: provisioning is rare, and a pool would hold admin sessions open for nothing
        DriverManagerDataSource admin = new DriverManagerDataSource(properties.url(), properties.username(),
                properties.password());
        // an external call like any other: it must end, or it holds a job-executor thread (seconds)
        java.util.Properties timeouts = new java.util.Properties();
        timeouts.setProperty("connectTimeout", "10");
        timeouts.setProperty("loginTimeout", "10");
        timeouts.setProperty("socketTimeout", "60");
        admin.setConnectionProperties(timeouts);
        this.admin = admin;
        this.host = properties.endpointHost();
        this.port = properties.endpointPort();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Creates the owner role with a new password and the database it owns, and lets only that role connect.
     * <p>
     * When the role exists already (this job ran before and failed later, or its transaction was rolled back after
     * the database was made), nothing is created twice, but the role gets a <em>new</em> password, returned as the
     * one-time secret: the password of the earlier call may have been lost with that call, and the provider keeps
     * no copy. The earlier password stops working.
     */
    @Override
    public Provisioning provision(EnvironmentSpec spec) {
        SandboxNames names = SandboxNames.forKey(spec.key());
        String password = newPassword();
        String verifier = literal(ScramVerifier.of(password, random));
        return withAdmin(spec.key(), "provision", connection -> {
            if (roleExists(connection, names.owner())) {
                execute(connection, "ALTER ROLE " + names.quotedOwner() + " PASSWORD " + verifier);
                log.info("PostgreSQL sandbox {}: role {} existed, gave it a new password", spec.key(), names.owner());
            } else {
                execute(connection, "CREATE ROLE " + names.quotedOwner() + " LOGIN PASSWORD " + verifier);
            }
            // An administrator with CREATEROLE (not superuser) may only make a database owned by a role it can SET
            // ROLE to, and may only ALTER/DROP that database and end its sessions with the owner's privileges. Since
            // PostgreSQL 16 it gets neither by creating the role, so it takes membership; harmless for a superuser.
            execute(connection, "GRANT " + names.quotedOwner() + " TO CURRENT_USER");
            if (!databaseExists(connection, names.database())) {
                execute(connection, "CREATE DATABASE " + names.quotedDatabase() + " OWNER " + names.quotedOwner());
                log.info("PostgreSQL sandbox {}: created database {} owned by {}", spec.key(), names.database(),
                        names.owner());
            }
            execute(connection, "REVOKE CONNECT ON DATABASE " + names.quotedDatabase() + " FROM PUBLIC");
            return ready(names, password);
        });
    }

    /** Ready once the database exists; never repeats the secret. */
    @Override
    public Provisioning status(String key) {
        SandboxNames names = SandboxNames.forKey(key);
        return withAdmin(key, "read the status", connection ->
                databaseExists(connection, names.database()) ? ready(names, null) : Provisioning.inProgress());
    }

    /** Allows connections again. Fails when there is no database for the key: there is nothing to make usable. */
    @Override
    public void start(String key) {
        SandboxNames names = SandboxNames.forKey(key);
        withAdmin(key, "start", connection -> {
            if (!databaseExists(connection, names.database())) {
                throw new ProviderException("PostgreSQL sandbox " + key + ": cannot start, database "
                        + names.database() + " does not exist");
            }
            execute(connection, "ALTER DATABASE " + names.quotedDatabase() + " ALLOW_CONNECTIONS true");
            return null;
        });
    }

    /**
     * Forbids new connections and ends the open ones. A missing database counts as stopped: nobody can connect to
     * it either.
     */
    @Override
    public void stop(String key) {
        SandboxNames names = SandboxNames.forKey(key);
        withAdmin(key, "stop", connection -> {
            if (!databaseExists(connection, names.database())) {
                log.info("PostgreSQL sandbox {}: no database {}, nothing to stop", key, names.database());
                return null;
            }
            // first forbid, then terminate: a session that arrives in between would otherwise survive the stop
            execute(connection, "ALTER DATABASE " + names.quotedDatabase() + " ALLOW_CONNECTIONS false");
            int terminated = terminateSessions(connection, names.database());
            log.info("PostgreSQL sandbox {}: stopped, ended {} open session(s)", key, terminated);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        SandboxNames names = SandboxNames.forKey(key);
        withAdmin(key, "delete", connection -> {
            // FORCE ends the open sessions and drops in one statement, so no new session can slip in between
            // (a separate terminate-then-drop would fail on it); needs PostgreSQL 13
            execute(connection, "DROP DATABASE IF EXISTS " + names.quotedDatabase() + " WITH (FORCE)");
            execute(connection, "DROP ROLE IF EXISTS " + names.quotedOwner());
            log.info("PostgreSQL sandbox {}: database {} and role {} are gone", key, names.database(),
                    names.owner());
            return null;
        });
    }

    private Provisioning ready(SandboxNames names, String secret) {
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        String endpoint = "postgresql://" + urlHost + ":" + port + "/" + names.database();
        // libpq's key=value form: readable, and usable as is: psql "host=... port=... dbname=... user=..."
        String connectionInfo = "host=" + host + " port=" + port + " dbname=" + names.database()
                + " user=" + names.owner();
        return new Provisioning(true, endpoint, connectionInfo, secret);
    }

    /**
     * Ends the sessions on the database that this administrator may end: its own other sessions and the owner's.
     * Another superuser's session (a DBA looking around) would make pg_terminate_backend fail the whole statement for
     * a non-superuser administrator; background workers are not ours to end.
     */
    private static int terminateSessions(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                  AND pg_has_role(usesysid, 'USAGE')""")) {
            statement.setString(1, database);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** For DDL, which takes no bind parameters; every name in it has passed {@link SandboxNames}. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String literal(String value) {
        if (value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("Refusing to quote a value with quotes or backslashes");
        }
        return "'" + value + "'";
    }

    private String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private <T> T withAdmin(String key, String action, SqlWork<T> work) {
        try (Connection connection = admin.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            // the message is the server's (e.g. 'permission denied to create role'); statements hold no password
            log.error("PostgreSQL sandbox {}: could not {} (SQL state {})", key, action, e.getSQLState(), e);
            throw new ProviderException("PostgreSQL sandbox " + key + ": could not " + action + ": "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
