package nl.loket;

import java.time.Clock;
import java.time.ZoneId;

import nl.loket.ui.Formats;
import nl.loket.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoketConfiguration {

    /**
     * Loket's clock, in the organisation's time zone ({@code loket.time-zone}, default Europe/Amsterdam): what
     * "today" is, and the zone every time is shown in, in the portal and in e-mail, whatever the server's zone.
     */
    @Bean
    Clock clock(@Value("${loket.time-zone:Europe/Amsterdam}") ZoneId zone) {
        Formats.useZone(zone);
        return new EngineClock(zone);
    }
}
