package nl.loket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port for tests in a real browser ({@link Browser}), with demo data. All
 * browser tests share this one Spring context. Skipped, with the reason, where Chromium is not installed.
 * <p>
 * Unlike {@link LoketIntegrationTest} the job executor runs, as in production, so that async steps after a click
 * happen while the browser waits; and Vaadin's dev-tools are off: their popup covers content in screenshots,
 * could catch clicks and would be checked for accessibility with the page.
 * <p>
 * No {@code @DirtiesContext}: closing a context with Camunda's web apps while other contexts live on in the same
 * JVM broke their Cockpit (HTTP 500 in SecurityBoundariesIT). The idle job executor costs nothing until the JVM exits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
        "loket.demo-data.enabled=true",
        "camunda.bpm.job-execution.enabled=true",
        "vaadin.devmode.devTools.enabled=false",
        // Camunda's REST API and web apps find engines in a JVM-wide registry, by name: an engine called "default"
        // here would take that name over from the other test contexts in this JVM.
        "camunda.bpm.process-engine-name=e2e",
        // the simulated cloud is quick here, so an environment runs within a test's patience
        "loket.environments.simulated.delay=PT1S",
        "loket.environments.provider-poll=PT1S"
})
// Checked before Spring starts, so a machine without Chromium does not boot the application for nothing (an
// assumption in @BeforeAll would also skip, but failsafe then reports no test and no reason).
@EnabledIf(value = "nl.loket.support.Browser#chromiumInstalled", disabledReason = Browser.NO_CHROMIUM)
public @interface BrowserTestApplication {
}
