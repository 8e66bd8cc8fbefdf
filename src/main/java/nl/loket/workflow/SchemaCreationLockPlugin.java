package nl.loket.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same moment on one PostgreSQL build the engine one after the other: the engine creates
 * or updates its schema while it is built ({@code camunda.bpm.database.schema-update}), and two nodes doing that at
 * once collide ({@code duplicate key ... pg_type_typname_nsp_index}). A PostgreSQL advisory lock, held on a
 * connection of its own from before the engine is built until it is, lets one node at a time through; the second
 * then finds the schema in place. The lock goes with the connection, so a node that dies while holding it frees it.
 * Other databases (the embedded H2, one node) need no lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchemaCreationLockPlugin extends AbstractProcessEnginePlugin {

    /** The advisory lock's key: any fixed number, the same on every node ("Loket" in ASCII). */
    static final long LOCK_KEY = 0x4c6f6b6574L;

    private static final Logger log = LoggerFactory.getLogger(SchemaCreationLockPlugin.class);

    private final DataSource dataSource;
    private Connection lockConnection;

    SchemaCreationLockPlugin(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long waitStarted = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            long waitedMillis = (System.nanoTime() - waitStarted) / 1_000_000;
            if (waitedMillis > 100) {
                log.info("Waited {} ms for another node to finish building its engine", waitedMillis);
            }
            lockConnection = connection;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not take the engine schema lock", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    private synchronized void release() {
        if (lockConnection == null) {
            return;
        }
        try (Connection connection = lockConnection; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the engine schema lock; it goes when the connection closes", e);
        } finally {
            lockConnection = null;
        }
    }
}
