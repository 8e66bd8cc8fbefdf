package nl.loket.health;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health ("db", part of readiness) answers within {@code loket.health.database-timeout} (default
 * 2 seconds): DOWN when the database does not answer in time, UP again by itself once it does. Replaces Spring
 * Boot's own "db" check, which waits as long as a connection may take.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

    @Bean("dbHealthContributor")
    HealthIndicator databaseHealth(DataSource dataSource,
                                   @Value("${loket.health.database-timeout:PT2S}") Duration timeout) {
        return new TimeLimitedHealthIndicator(new DataSourceHealthIndicator(dataSource, "select 1"), timeout);
    }
}
