package nl.loket.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins Loket accepts before it refuses logins for a while ({@code loket.login.*}, see
 * docs/configuration.md): per account, and per client address (one address trying many accounts), within one window.
 */
@ConfigurationProperties("loket.login")
record LoginThrottleProperties(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window,
        @DefaultValue("PT15M") Duration lock) {

    LoginThrottleProperties {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("loket.login.max-failures-per-* must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
            throw new IllegalArgumentException("loket.login.window and loket.login.lock must be longer than zero");
        }
    }

    FailureLimit perAccount() {
        return new FailureLimit(maxFailuresPerAccount, window, lock);
    }

    FailureLimit perAddress() {
        return new FailureLimit(maxFailuresPerAddress, window, lock);
    }
}
