package nl.loket.environment;

/**
 * An environment as its users see it: its shown status is FAILED while the engine holds a failing job for it
 * ({@code failure} says why); {@code expiring} when its lease ends within the first reminder.
 */
public record EnvironmentView(Environment environment, EnvironmentStatus shownStatus, String failure,
                              boolean expiring) {
}
