package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * The switch for JSON logs in application.yaml ({@code LOKET_LOG_FORMAT}, docs/operations.md "Logs"): Spring Boot's
 * logging set up from Loket's own configuration, without the rest of the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @AfterEach
    void plainAgain() {
        // the logging system is the JVM's: leave it as Loket's default configures it for the tests that follow
        logWith();
    }

    @Test
    void ecs_gives_one_json_object_per_line_with_the_level_logger_and_message(CapturedOutput output) throws Exception {
        logWith("--LOKET_LOG_FORMAT=ecs");

        JsonNode line = JSON.readTree(lineWith(output, "request REQ-2026-000001 submitted"));
        assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("log").path("logger").asText()).isEqualTo(StructuredLoggingTest.class.getName());
        assertThat(line.path("message").asText()).isEqualTo("request REQ-2026-000001 submitted");
        assertThat(line.path("service").path("name").asText()).as("spring.application.name").isEqualTo("loket");
        assertThat(line.has("@timestamp")).isTrue();
    }

    @Test
    void logstash_is_json_too(CapturedOutput output) throws Exception {
        logWith("--LOKET_LOG_FORMAT=logstash");

        JsonNode line = JSON.readTree(lineWith(output, "request REQ-2026-000001 submitted"));
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger_name").asText()).isEqualTo(StructuredLoggingTest.class.getName());
        assertThat(line.path("message").asText()).isEqualTo("request REQ-2026-000001 submitted");
    }

    @Test
    void without_the_switch_lines_are_plain_text(CapturedOutput output) {
        logWith();

        assertThat(lineWith(output, "request REQ-2026-000001 submitted")).doesNotStartWith("{")
                .contains(" INFO ", "request REQ-2026-000001 submitted");
    }

    /** Starts Spring Boot's logging with application.yaml and these arguments, logs one line, stops. */
    private static void logWith(String... arguments) {
        try (var context = new SpringApplicationBuilder(NothingElse.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties("spring.main.banner-mode=off").run(arguments)) {
            LoggerFactory.getLogger(StructuredLoggingTest.class).info("request REQ-2026-000001 submitted");
        }
    }

    private static String lineWith(CapturedOutput output, String text) {
        List<String> lines = output.getOut().lines().filter(l -> l.contains(text)).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
