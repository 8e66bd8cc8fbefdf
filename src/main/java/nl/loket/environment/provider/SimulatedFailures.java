package nl.loket.environment.provider;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The simulated cloud's failures: a share of its calls ({@code loket.environments.simulated.failure-rate}, 0 to 1)
 * fails as an unreachable cloud would. A seed ({@code loket.environments.simulated.failure-seed}) makes the
 * sequence of failures the same on every run. Set by configuration only: nothing a process model or a user can
 * reach changes it; tests in this package set the rate and seed while a test runs.
 */
final class SimulatedFailures {

    private volatile double rate;
    private volatile RandomGenerator random;

    SimulatedFailures(double rate, String seed) {
        setRate(rate);
        this.random = seed == null || seed.isBlank() ? new Random() : new Random(Long.parseLong(seed.strip()));
    }

    void setRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("loket.environments.simulated.failure-rate must be between 0 and 1 "
                    + "(a share of calls), not " + rate);
        }
        this.rate = rate;
    }

    void reseed(long seed) {
        this.random = new Random(seed);
    }

    double rate() {
        return rate;
    }

    /** Throws for the share of calls that fail. */
    synchronized void maybeFail(String operation) {
        if (rate > 0 && random.nextDouble() < rate) {
            throw new ProviderException("Simulated cloud unavailable (injected failure, rate " + rate + ") during "
                    + operation);
        }
    }
}
