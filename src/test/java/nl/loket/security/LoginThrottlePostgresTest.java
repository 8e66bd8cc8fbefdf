package nl.loket.security;

import java.io.IOException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The login throttle on a real PostgreSQL server: its row locks and its aborted transactions on a duplicate key. */
class LoginThrottlePostgresTest extends LoginThrottleContract {

    private static EmbeddedPostgres server;
    /** One data source for the statements and the transactions (each call of getPostgresDatabase() makes a new one). */
    private static DataSource database;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.builder().start();
        database = server.getPostgresDatabase();
        createTable(database);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
