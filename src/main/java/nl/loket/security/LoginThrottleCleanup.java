package nl.loket.security;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code login_throttle} small: every hour, on one node, the rows of windows that have passed and locks that
 * have ended go (someone trying thousands of made-up user names leaves a row for each).
 */
@Component
class LoginThrottleCleanup {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleCleanup.class);

    private final LoginThrottleStore store;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    LoginThrottleCleanup(LoginThrottleStore store, LoginThrottleProperties limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT10M")
    void forgetPastFailures() {
        int removed = store.forgetPast(clock.instant(), limits.window());
        if (removed > 0) {
            log.info("Login throttle: forgot {} past windows of failed logins", removed);
        }
    }
}
