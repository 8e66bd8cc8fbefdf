package nl.loket.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Work a node does when it starts (demo data, the initial admin, the engine's copy of users and groups, the inbox
 * read model's catch-up), one node at a time: a node that finds another node's start-up work under way waits for
 * it and then does its own, which then finds most of it done. Waiting, not skipping: a node that skipped could
 * leave work undone when the other node's lock was for a different piece of it. One lock for all pieces, because
 * they overlap (demo users are copied into the engine as they are made, while another node copies all of them).
 * Call it outside any transaction, so that what one node wrote is committed before the next one looks.
 */
@Component
public class StartUpLock {

    static final String NAME = "start-up";

    private static final Logger log = LoggerFactory.getLogger(StartUpLock.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LockProvider locks;
    private final Duration atMost;

    StartUpLock(LockProvider locks, @Value("${loket.start-up.lock-at-most:PT10M}") Duration atMost) {
        this.locks = locks;
        this.atMost = atMost;
    }

    /**
     * Runs the work while holding the start-up lock, waiting for it as long as another node may hold it (a node
     * that died holding it frees it after {@code loket.start-up.lock-at-most}).
     */
    public void runAlone(String what, Runnable work) {
        Instant started = Instant.now();
        Instant giveUp = started.plus(atMost).plus(atMost);
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(ClockProvider.now(), NAME, atMost,
                    Duration.ZERO));
            if (lock.isPresent()) {
                long waited = Duration.between(started, Instant.now()).toMillis();
                if (waited > POLL.toMillis()) {
                    log.info("Start-up work '{}' waited {} ms for another node's", what, waited);
                }
                try {
                    work.run();
                } finally {
                    lock.get().unlock();
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Start-up work '" + what + "' found the start-up lock taken for "
                        + Duration.between(started, Instant.now()) + "; is another node stuck starting?");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
        }
    }
}
