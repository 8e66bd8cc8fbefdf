package nl.loket;

import java.time.Clock;

import nl.loket.workflow.EngineClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoketConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(java.time.ZoneId.systemDefault());
    }
}
