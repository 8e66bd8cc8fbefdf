package nl.loket.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /actuator/prometheus over real HTTP: only for process admins, with Loket's and the engine's figures, which follow
 * the database (within {@code loket.metrics.read-interval}, 5 s) and the counters of this node.
 */
@LoketIntegrationTest
class PrometheusEndpointIT {

    private static final String PATH = "/actuator/prometheus";
    /** Longer than the read interval: a gauge may show the read of up to 5 s ago. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Autowired SoftwareRequests software;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void anonymous_callers_get_401_and_a_basic_challenge_not_a_redirect() throws Exception {
        HttpResponse<String> response = get(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void employees_approvers_and_fulfillers_are_forbidden() throws Exception {
        for (String user : new String[] {"emma", "mark", "frank"}) {
            assertThat(get(user).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void a_process_admin_gets_the_prometheus_text_with_loket_and_engine_figures() throws Exception {
        HttpResponse<String> response = get("ada");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).contains(
                "loket_requests{status=\"awaiting_approval\"}",
                "loket_requests{status=\"fulfilled\"}",
                "loket_mail_outbox{status=\"pending\"}",
                "loket_mail_outbox{status=\"failed\"}",
                "loket_camunda_incidents_open ",
                "loket_camunda_jobs_without_retries ",
                "loket_camunda_jobs_due ",
                // Spring Boot's own, e.g. the connection pool and the JVM
                "hikaricp_connections_active",
                "jvm_memory_used_bytes");
    }

    @Test
    void a_submitted_request_shows_in_the_counter_at_once_and_in_the_gauges_as_the_database_has_it() throws Exception {
        double submitted = value(body(), "loket_requests_submitted_total{type=\"software-access\"}");
        long awaiting = count("select count(*) from service_request where status = 'AWAITING_APPROVAL'");
        long pending = count("select count(*) from mail_outbox where status = 'PENDING'");

        software.submitAs("emma", "Microsoft Visio");

        assertThat(value(body(), "loket_requests_submitted_total{type=\"software-access\"}"))
                .as("this node's counter, counted at commit").isEqualTo(submitted + 1);
        assertThat(count("select count(*) from service_request where status = 'AWAITING_APPROVAL'")).isEqualTo(awaiting + 1);
        long pendingNow = count("select count(*) from mail_outbox where status = 'PENDING'");
        assertThat(pendingNow).as("mail about the new request waits (no scheduler in this test)").isGreaterThan(pending);
        await().atMost(PATIENCE).untilAsserted(() -> {
            String after = body();
            assertThat(value(after, "loket_requests{status=\"awaiting_approval\"}")).isEqualTo(awaiting + 1);
            assertThat(value(after, "loket_mail_outbox{status=\"pending\"}")).isEqualTo(pendingNow);
        });
    }

    @Test
    void a_mail_given_up_on_shows_as_failed_once_the_database_says_so() throws Exception {
        long failed = count("select count(*) from mail_outbox where status = 'FAILED'");
        // as another node's dispatcher leaves it after its last retry
        jdbc.sql("""
                insert into mail_outbox (recipient, address, kind, subject, body, status, attempts, next_attempt_at,
                                         last_error, created_at)
                values ('emma', 'emma@loket.example', 'test', 'Metrics test', '-', 'FAILED', 5, current_timestamp,
                        'Connection refused', current_timestamp)""").update();
        try {
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(value(body(), "loket_mail_outbox{status=\"failed\"}")).isEqualTo(failed + 1));
        } finally {
            jdbc.sql("delete from mail_outbox where subject = 'Metrics test'").update();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String body() throws Exception {
        HttpResponse<String> response = get("ada");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series in the Prometheus text; 0 when it is not there yet (a counter never incremented). */
    private static double value(String body, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private HttpResponse<String> get(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
