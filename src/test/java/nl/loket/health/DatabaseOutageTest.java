package nl.loket.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void an_unreachable_database_is_told_apart_however_deep_it_is_wrapped() {
        assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open JDBC Connection",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        // the engine wraps what MyBatis wraps what the driver threw
        assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("flush failed", new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("terminating connection due to administrator command",
                "57P01"))).as("PostgreSQL shutting down").isTrue();
    }

    @Test
    void faults_of_loket_or_of_the_data_are_not_an_outage() {
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("no such task"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(null)).isFalse();
    }
}
