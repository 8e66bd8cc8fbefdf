package nl.loket.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.loket.scheduling.SchedulingConfiguration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two schedulers firing at once (as on two nodes) empty the outbox once: the lock row in the shared database lets
 * one through. Loket's own scheduling configuration, the mail scheduler and the database's tables as Flyway makes
 * them; no engine (a second Camunda engine in the test JVM would take the shared test context's place in Camunda's
 * engine registry).
 */
class OneNodeAtATimeTest {

    private final MailDispatcher dispatcher = mock(MailDispatcher.class);

    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withPropertyValues("loket.mail.initial-delay=PT1H")
            .withBean(DataSource.class, OneNodeAtATimeTest::migratedDatabase)
            .withBean(MailDispatcher.class, () -> dispatcher)
            .withUserConfiguration(SchedulingConfiguration.class, MailScheduler.class);

    @Test
    void two_schedulers_firing_at_once_send_the_outbox_once() {
        node.run(context -> {
            MailScheduler scheduler = context.getBean(MailScheduler.class);
            doAnswer(invocation -> {
                Thread.sleep(1500);
                return null;
            }).when(dispatcher).dispatchDue();
            CountDownLatch bothReady = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                nodes.submit(() -> {
                    bothReady.await();
                    scheduler.dispatch();
                    return null;
                });
            }
            bothReady.countDown();
            nodes.shutdown();
            assertThat(nodes.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            verify(dispatcher, times(1)).dispatchDue();
            assertThat(JdbcClient.create(context.getBean(DataSource.class))
                    .sql("select count(*) from shedlock where name = 'mail-outbox'").query(Long.class).single())
                    .as("the lock is a row in the shared database").isEqualTo(1);
        });
    }

    @Test
    void the_next_run_after_the_first_has_finished_goes_ahead() {
        node.run(context -> {
            MailScheduler scheduler = context.getBean(MailScheduler.class);
            scheduler.dispatch();
            scheduler.dispatch();
            verify(dispatcher, times(2)).dispatchDue();
        });
    }

    private static DataSource migratedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:one-node-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
