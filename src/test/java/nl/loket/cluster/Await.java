package nl.loket.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for background work (job executors, mail schedulers) on other nodes, with a limit. */
final class Await {

    private Await() {
    }

    /** Returns once the condition holds; fails with what was awaited when it does not within {@code patience}. */
    static void until(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + patience + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}
