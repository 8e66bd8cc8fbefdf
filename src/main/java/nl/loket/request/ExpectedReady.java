package nl.loket.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * By when an open request is expected to be ready: its submission plus the type's usual time
 * ({@code loket:expected-fulfilment}), and never before the steps still open are due (an approval is due when its
 * approver is reminded). Empty when neither the type nor its open steps say.
 *
 * @param by    the expected moment
 * @param usual the type's usual time, if it has one (to say "taking longer than the usual …" once {@code by} passed)
 */
public record ExpectedReady(Instant by, Optional<Duration> usual) {

    public ExpectedReady {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(usual, "usual");
    }

    public static Optional<ExpectedReady> of(Instant submitted, Optional<Duration> usual,
                                             List<RequestProgress.CurrentStep> openSteps) {
        Optional<Instant> typical = usual.map(submitted::plus);
        Optional<Instant> stepsDue = openSteps.stream().map(RequestProgress.CurrentStep::due)
                .filter(Objects::nonNull).max(Instant::compareTo);
        return typical.or(() -> stepsDue)
                .map(by -> stepsDue.filter(due -> due.isAfter(by)).orElse(by))
                .map(by -> new ExpectedReady(by, usual));
    }

    /** Whether the expected moment has passed while the request is still open. */
    public boolean isLate(Instant now) {
        return !by.isAfter(now);
    }
}
