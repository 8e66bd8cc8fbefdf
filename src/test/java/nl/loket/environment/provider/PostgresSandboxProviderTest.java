package nl.loket.environment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL provider against a real server, with passwords checked (the embedded server trusts everyone unless
 * told otherwise) and an administrator that has CREATEDB and CREATEROLE but is no superuser, as in production.
 */
class PostgresSandboxProviderTest extends EnvironmentProviderContract {

    private static final String ADMIN = "loket_sandbox_admin";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final String STRANGER = "stranger";
    private static final String STRANGER_PASSWORD = "stranger-password-for-tests";

    private static final String AUTHENTICATION_FAILED = "28P01";
    private static final String NO_CONNECT_PRIVILEGE = "42501";
    private static final String NOT_ACCEPTING_CONNECTIONS = "55000";
    private static final String NO_SUCH_DATABASE = "3D000";

    private static EmbeddedPostgres server;
    private static PostgresSandboxProvider provider;

    @BeforeAll
    static void startServer() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setDataDirectoryCustomizer(requirePasswords()).start();
        asSuperuser("CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'",
                "CREATE ROLE " + STRANGER + " LOGIN PASSWORD '" + STRANGER_PASSWORD + "'");
        provider = new PostgresSandboxProvider(properties(ADMIN, ADMIN_PASSWORD, null, null));
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Override
    protected EnvironmentProvider provider() {
        return provider;
    }

    /** The owner can connect with what it was told, and create, fill and read a table. */
    @Override
    protected void assertUsable(String key, Provisioning told) {
        String note = UUID.randomUUID().toString();
        try (Connection owner = connect(told, told.oneTimeSecret())) {
            execute(owner, "CREATE TABLE IF NOT EXISTS proof (note text)");
            try (PreparedStatement insert = owner.prepareStatement("INSERT INTO proof VALUES (?)")) {
                insert.setString(1, note);
                insert.executeUpdate();
            }
            assertThat(notes(owner)).contains(note);
        } catch (SQLException e) {
            throw new AssertionError("The owner cannot use " + told.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /** The server itself refuses the owner (not, say, an unreachable port, which would prove nothing). */
    @Override
    protected void assertNotUsable(String key, Provisioning told) {
        assertThatThrownBy(() -> connect(told, told.oneTimeSecret()).close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isIn(AUTHENTICATION_FAILED, NO_CONNECT_PRIVILEGE, NOT_ACCEPTING_CONNECTIONS, NO_SUCH_DATABASE);
    }

    @Test
    void users_are_told_the_server_the_database_and_the_owner() {
        Provisioning told = provider.provision(spec(key));

        String database = "sandbox_" + key.replace('-', '_');
        assertThat(told.endpoint()).isEqualTo("postgresql://localhost:" + server.getPort() + "/" + database);
        assertThat(told.connectionInfo()).isEqualTo("host=localhost port=" + server.getPort() + " dbname=" + database
                + " user=" + database + "_owner");
        assertThat(told.oneTimeSecret()).matches("[A-Za-z0-9_-]{24}");
    }

    @Test
    void users_are_told_the_public_host_and_port_when_configured() {
        var behindProxy = new PostgresSandboxProvider(properties(ADMIN, ADMIN_PASSWORD, "sandboxes.example.org", 6543));

        Provisioning told = behindProxy.provision(spec(key));

        assertThat(told.endpoint()).startsWith("postgresql://sandboxes.example.org:6543/sandbox_");
        assertThat(told.connectionInfo()).startsWith("host=sandboxes.example.org port=6543 ");
    }

    @Test
    void another_role_cannot_connect_to_the_sandbox() throws SQLException {
        Provisioning told = provider.provision(spec(key));

        try (Connection elsewhere = connect("postgres", STRANGER, STRANGER_PASSWORD)) {
            assertThat(elsewhere.isValid(2)).as("the stranger can log in, just not into the sandbox").isTrue();
        }
        assertThatThrownBy(() -> connect(databaseOf(told), STRANGER, STRANGER_PASSWORD).close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(NO_CONNECT_PRIVILEGE);
    }

    @Test
    void stopping_ends_open_sessions_and_refuses_new_ones_until_started() throws SQLException {
        Provisioning told = provider.provision(spec(key));
        try (Connection open = connect(told, told.oneTimeSecret())) {
            execute(open, "SELECT 1");

            provider.stop(key);

            assertThatThrownBy(() -> execute(open, "SELECT 1")).as("the open session was ended")
                    .isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> connect(told, told.oneTimeSecret()).close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(NOT_ACCEPTING_CONNECTIONS);

        provider.start(key);

        try (Connection again = connect(told, told.oneTimeSecret())) {
            assertThat(again.isValid(2)).isTrue();
        }
    }

    @Test
    void deleting_removes_the_database_and_the_role_also_with_a_session_open() throws SQLException {
        Provisioning told = provider.provision(spec(key));
        try (Connection open = connect(told, told.oneTimeSecret())) {
            execute(open, "SELECT 1");

            provider.delete(key);
        }

        assertThat(sandboxDatabasesAndRoles()).noneMatch(name -> name.contains(key.replace('-', '_')));
    }

    @Test
    void a_retried_provisioning_keeps_the_data_and_gives_a_new_password_the_old_one_stops_working()
            throws SQLException {
        Provisioning first = provider.provision(spec(key));
        assertUsable(key, first);
        List<String> before = sandboxDatabasesAndRoles();

        Provisioning retried = provider.provision(spec(key));

        assertThat(retried.oneTimeSecret()).isNotBlank().isNotEqualTo(first.oneTimeSecret());
        try (Connection owner = connect(retried, retried.oneTimeSecret())) {
            assertThat(notes(owner)).as("the same database, not a new one").hasSize(1);
        }
        assertThatThrownBy(() -> connect(first, first.oneTimeSecret()).close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AUTHENTICATION_FAILED);
        assertThat(sandboxDatabasesAndRoles()).isEqualTo(before);
    }

    @Test
    void a_retry_completes_a_provisioning_that_failed_after_creating_the_role() throws SQLException {
        provider.provision(spec(key));
        asSuperuser("DROP DATABASE " + databaseOf(provider.status(key)));
        assertThat(provider.status(key).ready()).isFalse();

        Provisioning retried = provider.provision(spec(key));

        assertThat(provider.status(key).ready()).isTrue();
        assertUsable(key, retried);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"env-1; drop", "env-1\"; DROP ROLE postgres; --", "env-1' OR '1'='1", "Env-1", "env_1",
            " env-1", "-env-1", "env-1\n", "env-ëën", "env-12345678901234567890123456789012345678901234567"})
    void a_key_that_is_not_a_safe_name_is_refused_and_nothing_is_created(String unsafe) throws SQLException {
        List<String> before = sandboxDatabasesAndRoles();

        assertThatThrownBy(() -> provider.provision(spec(unsafe))).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.status(unsafe)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.stop(unsafe)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.start(unsafe)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.delete(unsafe)).isInstanceOf(ProviderException.class);

        assertThat(sandboxDatabasesAndRoles()).isEqualTo(before);
    }

    @Test
    void the_longest_allowed_key_works() {
        key = "env-" + "x".repeat(SandboxNames.MAX_KEY_LENGTH - 4);

        Provisioning told = provider.provision(spec(key));

        assertThat(told.endpoint()).endsWith("/sandbox_env_" + "x".repeat(SandboxNames.MAX_KEY_LENGTH - 4));
        assertUsable(key, told);
    }

    @Test
    void starting_what_does_not_exist_fails() {
        assertThatThrownBy(() -> provider.start(key)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_server_that_refuses_the_administrator_becomes_a_provider_exception() {
        var wrongPassword = new PostgresSandboxProvider(properties(ADMIN, "not-the-password", null, null));

        assertThatThrownBy(() -> wrongPassword.provision(spec(key)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("could not provision")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void a_superuser_administrator_works_too() {
        var superuser = new PostgresSandboxProvider(properties("postgres", "", null, null));

        Provisioning told = superuser.provision(spec(key));
        assertUsable(key, told);
        superuser.stop(key);
        assertNotUsable(key, told);
        superuser.delete(key);

        assertThat(superuser.status(key).ready()).isFalse();
    }

    /** Password checks for everyone but the test's own superuser; initdb made the server trust all local users. */
    private static Consumer<File> requirePasswords() {
        return dataDirectory -> {
            try {
                Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
                        local all postgres               trust
                        host  all postgres 127.0.0.1/32  trust
                        host  all postgres ::1/128       trust
                        host  all all      127.0.0.1/32  scram-sha-256
                        host  all all      ::1/128       scram-sha-256
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static PostgresSandboxProperties properties(String username, String password, String publicHost,
                                                        Integer publicPort) {
        return new PostgresSandboxProperties("jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                username, password, publicHost, publicPort);
    }

    /** Connects the way a user would: to the endpoint, as the user named in the connection info. */
    private static Connection connect(Provisioning told, String password) throws SQLException {
        Map<String, String> info = Arrays.stream(told.connectionInfo().split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return DriverManager.getConnection("jdbc:" + told.endpoint(), info.get("user"), password);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, user,
                password);
    }

    private static String databaseOf(Provisioning told) {
        return told.endpoint().substring(told.endpoint().lastIndexOf('/') + 1);
    }

    private static List<String> notes(Connection owner) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Statement select = owner.createStatement(); ResultSet rows = select.executeQuery("SELECT note FROM proof")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    private static List<String> sandboxDatabasesAndRoles() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection superuser = connect("postgres", "postgres", "");
             Statement select = superuser.createStatement();
             ResultSet rows = select.executeQuery("""
                     SELECT 'database ' || datname FROM pg_database WHERE datname LIKE 'sandbox%'
                     UNION ALL SELECT 'role ' || rolname FROM pg_roles WHERE rolname LIKE 'sandbox%'
                     ORDER BY 1""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void asSuperuser(String... statements) throws SQLException {
        try (Connection superuser = connect("postgres", "postgres", "")) {
            for (String sql : statements) {
                execute(superuser, sql);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
