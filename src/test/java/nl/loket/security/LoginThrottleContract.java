package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import nl.loket.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The login throttle on a real database, as several nodes share it: limits per account and per address, the lock
 * and its end, the window, and failures counted at the same moment by many threads (as by many nodes). Run on H2 and
 * on PostgreSQL by the subclasses, with the table from Loket's own migration.
 */
abstract class LoginThrottleContract {

    static final LoginThrottleProperties LIMITS = new LoginThrottleProperties(10, 50, Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    static final String ADDRESS = "192.0.2.10";

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T09:00:00Z"));
    JdbcClient jdbc;
    LoginThrottleStore store;
    LoginThrottle throttle;

    abstract DataSource dataSource();

    static void createTable(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V27__login_throttle.sql")).execute(dataSource);
    }

    @BeforeEach
    void emptyThrottle() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from login_throttle").update();
        store = new LoginThrottleStore(jdbc, new DataSourceTransactionManager(dataSource()));
        throttle = new LoginThrottle(store, LIMITS, clock);
    }

    @Test
    void nine_failures_leave_the_account_open_the_tenth_locks_it() {
        failTimes("emma", ADDRESS, 9);
        assertThatCode(() -> throttle.checkAllowed("emma", ADDRESS)).doesNotThrowAnyException();

        assertThatThrownBy(() -> throttle.failed("emma", ADDRESS))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        locked -> assertThat(locked.lockedUntil()).isEqualTo(clock.instant().plus(LIMITS.lock())));
        assertThatThrownBy(() -> throttle.checkAllowed("emma", "198.51.100.7"))
                .as("from any address").isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> throttle.checkAllowed("EMMA", "198.51.100.7"))
                .as("whatever the case").isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> throttle.checkAllowed("mark", ADDRESS)).as("others from that address")
                .doesNotThrowAnyException();
    }

    @Test
    void the_lock_ends_after_the_lock_time_and_counting_starts_again() {
        failTimes("emma", ADDRESS, 10);
        clock.advance(LIMITS.lock().minusSeconds(1));
        assertThatThrownBy(() -> throttle.checkAllowed("emma", ADDRESS)).isInstanceOfSatisfying(
                LoginThrottledException.class, locked -> assertThat(locked.minutesLeft(clock)).isEqualTo(1));

        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.checkAllowed("emma", ADDRESS)).doesNotThrowAnyException();
        throttle.failed("emma", ADDRESS);
        assertThat(failures(LoginThrottleStore.Kind.ACCOUNT, "emma")).as("a fresh window").isEqualTo(1);
    }

    @Test
    void failures_older_than_the_window_no_longer_count() {
        failTimes("emma", ADDRESS, 9);
        clock.advance(LIMITS.window());
        throttle.failed("emma", ADDRESS);
        assertThatCode(() -> throttle.checkAllowed("emma", ADDRESS)).doesNotThrowAnyException();
        assertThat(failures(LoginThrottleStore.Kind.ACCOUNT, "emma")).isEqualTo(1);
    }

    @Test
    void a_successful_login_forgets_the_accounts_failures_but_not_the_addresss() {
        failTimes("emma", ADDRESS, 9);
        throttle.succeeded("emma");
        failTimes("emma", ADDRESS, 9);

        assertThatCode(() -> throttle.checkAllowed("emma", ADDRESS)).doesNotThrowAnyException();
        assertThat(failures(LoginThrottleStore.Kind.ADDRESS, ADDRESS)).isEqualTo(18);
    }

    @Test
    void one_address_trying_many_accounts_is_locked_for_every_account() {
        for (int i = 1; i < LIMITS.maxFailuresPerAddress(); i++) {
            throttle.failed("user-" + i, ADDRESS);
        }
        assertThatThrownBy(() -> throttle.failed("user-50", ADDRESS)).isInstanceOf(LoginThrottledException.class);

        assertThatThrownBy(() -> throttle.checkAllowed("ada", ADDRESS)).isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> throttle.checkAllowed("ada", "198.51.100.7")).as("ada from elsewhere")
                .doesNotThrowAnyException();
    }

    @Test
    void failures_counted_at_the_same_moment_are_each_counted_and_one_of_them_starts_the_lock() throws Exception {
        int attempts = 30;
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> failures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                failures.add(() -> {
                    try {
                        throttle.failed("emma", null);
                        return false;
                    } catch (LoginThrottledException lockStarted) {
                        return true;
                    }
                });
            }
            int lockStarts = 0;
            for (Future<Boolean> started : nodes.invokeAll(failures)) {
                lockStarts += started.get() ? 1 : 0;
            }
            assertThat(failures(LoginThrottleStore.Kind.ACCOUNT, "emma")).isEqualTo(attempts);
            assertThat(lockStarts).as("audit entries: one lock, one start").isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void the_cleanup_forgets_past_windows_and_ended_locks_but_keeps_running_ones() {
        failTimes("locked-long-ago", ADDRESS, 10);
        throttle.failed("failed-long-ago", "198.51.100.7");
        clock.advance(LIMITS.window());
        failTimes("locked-now", "198.51.100.8", 10);
        throttle.failed("failed-just-now", "198.51.100.9");

        int removed = store.forgetPast(clock.instant(), LIMITS.window());

        assertThat(removed).as("two accounts and two addresses of the first window").isEqualTo(4);
        assertThat(jdbc.sql("select subject from login_throttle where kind = 'ACCOUNT'").query(String.class).list())
                .containsExactlyInAnyOrder("locked-now", "failed-just-now");
        assertThatThrownBy(() -> throttle.checkAllowed("locked-now", "203.0.113.1"))
                .isInstanceOf(LoginThrottledException.class);
    }

    private void failTimes(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            try {
                throttle.failed(account, address);
            } catch (LoginThrottledException lockStarted) {
                // the last of them may start the lock
            }
        }
    }

    private int failures(LoginThrottleStore.Kind kind, String subject) {
        return jdbc.sql("select failures from login_throttle where kind = ? and subject = ?")
                .params(kind.name(), subject).query(Integer.class).single();
    }
}
