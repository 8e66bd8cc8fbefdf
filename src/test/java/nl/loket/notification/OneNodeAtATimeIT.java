package nl.loket.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Two schedulers firing at once (as on two nodes) empty the outbox once: the lock row in the shared database lets
 * one through. And an SMTP server that refuses connections is no part of the health a load balancer asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:loket-one-node;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "loket.demo-data.enabled=false",
        "loket.mail.scheduler.enabled=true",
        // the test fires the scheduler itself
        "loket.mail.initial-delay=PT1H",
        "loket.environments.friday-nudge.enabled=false",
        // nothing listens on port 9 (discard): connections are refused
        "spring.mail.host=localhost",
        "spring.mail.port=9",
        // a second context in the JVM: its own engine name, so it never takes the shared context's place in
        // Camunda's engine registry (the webapps and engine-rest look engines up by name)
        "camunda.bpm.process-engine-name=loket-one-node"
})
@org.springframework.test.annotation.DirtiesContext
class OneNodeAtATimeIT {

    @Autowired MailScheduler scheduler;
    @Autowired JdbcClient jdbc;
    @MockitoBean MailDispatcher dispatcher;
    @LocalServerPort int port;

    @Test
    void two_schedulers_firing_at_once_send_the_outbox_once() throws Exception {
        CountDownLatch bothFired = new CountDownLatch(1);
        doAnswer(invocation -> {
            Thread.sleep(1500);
            return null;
        }).when(dispatcher).dispatchDue();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        for (int node = 0; node < 2; node++) {
            nodes.submit(() -> {
                bothFired.await();
                scheduler.dispatch();
                return null;
            });
        }
        bothFired.countDown();
        nodes.shutdown();
        assertThat(nodes.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        verify(dispatcher, times(1)).dispatchDue();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'mail-outbox'").query(Long.class).single())
                .as("the lock is a row in the shared database").isEqualTo(1);
    }

    @Test
    void an_smtp_server_that_refuses_connections_leaves_the_node_up_and_ready() throws Exception {
        assertThat(get("/actuator/health")).startsWith("200 {\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(get("/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
