package nl.loket.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.loket.scheduling.SchedulingConfiguration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
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
            // as SpringApplication does: settings such as PT2M become durations
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
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
            }).when(dispatcher).dispatchDueWithin(any());
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

            verify(dispatcher, times(1)).dispatchDueWithin(Duration.ofMinutes(1));
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
            verify(dispatcher, times(2)).dispatchDueWithin(any());
        });
    }

    @Test
    void a_node_that_died_holding_the_lock_holds_up_the_mail_for_two_minutes_at_most() {
        node.run(context -> {
            JdbcClient sql = JdbcClient.create(context.getBean(DataSource.class));
            Duration[] heldFor = new Duration[1];
            doAnswer(invocation -> {
                heldFor[0] = sql.sql("select lock_until, locked_at from shedlock where name = 'mail-outbox'")
                        .query((rs, row) -> Duration.between(rs.getTimestamp("locked_at").toInstant(),
                                rs.getTimestamp("lock_until").toInstant())).single();
                return 0;
            }).when(dispatcher).dispatchDueWithin(any());
            MailScheduler scheduler = context.getBean(MailScheduler.class);
            scheduler.dispatch();
            assertThat(heldFor[0]).as("the lock a round takes").isEqualTo(Duration.ofMinutes(2));

            // the lock of a node killed in its round: nobody sends until it has run out
            sql.sql("update shedlock set lock_until = ?, locked_by = 'killed-node' where name = 'mail-outbox'")
                    .param(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(110))).update();
            scheduler.dispatch();
            verify(dispatcher, times(1)).dispatchDueWithin(any());
            sql.sql("update shedlock set lock_until = ? where name = 'mail-outbox'")
                    .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
            scheduler.dispatch();
            verify(dispatcher, times(2)).dispatchDueWithin(any());
        });
    }

    private static DataSource migratedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:one-node-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
