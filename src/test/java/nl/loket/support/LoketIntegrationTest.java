package nl.loket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with an in-memory H2 database and demo data. The job executor is off so
 * that tests run async steps themselves ({@link TestProcesses#executeJobs()}), deterministically.
 * All classes with the same annotation share one Spring context. Metrics are exported as in production (Spring
 * Boot's tests leave them out unless asked), so that /actuator/prometheus is there to test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:loket-it;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "loket.demo-data.enabled=true",
        "loket.mail.scheduler.enabled=false",
        "loket.environments.friday-nudge.enabled=false"
})
@AutoConfigureObservability(tracing = false)
public @interface LoketIntegrationTest {
}
