package nl.loket.environment;

import java.time.Period;

/** What an environment is for. Each stage has a default lease and a maximum one-click extensions stay within. */
public enum Stage {
    DEVELOPMENT(Period.ofDays(30), Period.ofDays(90)),
    TEST(Period.ofDays(30), Period.ofDays(90)),
    ACCEPTANCE(Period.ofDays(60), Period.ofDays(180)),
    PRODUCTION_LIKE(Period.ofDays(90), Period.ofDays(365));

    private final Period defaultLease;
    private final Period maximumLease;

    Stage(Period defaultLease, Period maximumLease) {
        this.defaultLease = defaultLease;
        this.maximumLease = maximumLease;
    }

    public Period defaultLease() {
        return defaultLease;
    }

    public Period maximumLease() {
        return maximumLease;
    }

    /** The code used in DMN, BPMN and message keys: {@code production-like}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
