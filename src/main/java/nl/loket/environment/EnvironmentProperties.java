package nl.loket.environment;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wegwijzer's settings ({@code loket.environments.*}, see docs/configuration.md): the credit model, the lease's
 * reminders and grace period, how often to ask a provider how far it is, how long "start now" lasts, and the
 * factors behind the sustainability figures (sources in docs/wegwijzer.md).
 */
@ConfigurationProperties("loket.environments")
public record EnvironmentProperties(
        @DefaultValue("3") BigDecimal euroPerCredit,
        @DefaultValue("1") BigDecimal creditsPerHour,
        @DefaultValue("1") BigDecimal supportCreditsPerHour,
        @DefaultValue("1") BigDecimal productionDataCreditsPerHour,
        @DefaultValue("P7D") Duration firstReminder,
        @DefaultValue("P1D") Duration lastReminder,
        @DefaultValue("P3D") Duration gracePeriod,
        @DefaultValue("PT15S") Duration providerPoll,
        @DefaultValue("PT4H") Duration manualRun,
        @DefaultValue("18") BigDecimal wattsPerComponent,
        @DefaultValue("0.374") BigDecimal kgCo2ePerKwh) {

    /** Registers the settings (Loket does not scan for configuration properties). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(EnvironmentProperties.class)
    static class Registration {
    }

    public CreditPolicy creditPolicy() {
        return new CreditPolicy(euroPerCredit, creditsPerHour, supportCreditsPerHour, productionDataCreditsPerHour);
    }
}
