package nl.loket.environment.provider;

/**
 * For tests outside this package: sets the simulated cloud's failure rate (and seed) while a test runs, as
 * {@code loket.environments.simulated.failure-rate} does at start. Test code only: the application itself has no
 * way to change it at run time.
 */
public final class SimulatedCloudFailures {

    private SimulatedCloudFailures() {
    }

    public static void failShare(SimulatedCloudProvider cloud, double rate, long seed) {
        cloud.failures().reseed(seed);
        cloud.failures().setRate(rate);
    }

    public static void failEveryCall(SimulatedCloudProvider cloud) {
        cloud.failures().setRate(1);
    }

    public static void failNone(SimulatedCloudProvider cloud) {
        cloud.failures().setRate(0);
    }
}
