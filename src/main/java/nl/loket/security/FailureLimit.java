package nl.loket.security;

import java.time.Duration;

/** At most {@code maxFailures} failed logins within {@code window}; reaching it refuses logins for {@code lock}. */
record FailureLimit(int maxFailures, Duration window, Duration lock) {
}
