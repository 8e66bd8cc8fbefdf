package nl.loket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.loket.health.DatabaseOutage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database goes away for 30 s while a Loket node (a JVM of its own, {@link LoketNode}) has work running and a
 * user acts: readiness turns DOWN and back UP by itself, liveness stays UP (no restart), the user's submit fails
 * quickly with the "cannot reach its database" message and leaves nothing half-written, and the background work
 * (environments the simulated cloud is creating, grants) finishes once the database is back. The PostgreSQL server
 * is stopped and started again on the same port and data directory.
 */
class DatabaseOutageClusterIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageClusterIT.class);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static LoketNode node;

    @BeforeAll
    static void database_and_node() throws Exception {
        dataDirectory = Files.createTempDirectory("loket-outage-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = startDatabase();
        node = LoketNode.start("outage-node", Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "camunda.bpm.job-execution.enabled", "true",
                "loket.demo-data.enabled", "true",
                "loket.environments.simulated.delay", "PT20S",
                "loket.environments.provider-poll", "PT2S"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_thirty_second_outage_is_survived_without_a_restart_and_without_half_written_requests() throws Exception {
        List<LoketNode.Submitted> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(node.orderEnvironment("emma", "utrecht", "outage-" + i));
            submitted.add(node.submitSoftware("emma", "LibreOffice"));
        }
        long requestsBefore = count("select count(*) from service_request");
        long processesBefore = count("select count(*) from act_hi_procinst");

        postgres.close();
        Instant down = Instant.now();
        Await.until("readiness DOWN once the database is gone", Duration.ofSeconds(30),
                () -> node.status(READINESS) == 503);
        long secondsToDown = Duration.between(down, Instant.now()).toSeconds();
        assertThat(node.status(LIVENESS)).as("liveness: the node is not to be restarted").isEqualTo(200);

        Instant clicked = Instant.now();
        HttpResponse<String> submit = node.tryPost("/software", Map.of("user", "emma", "name", "LibreOffice"));
        Duration answeredIn = Duration.between(clicked, Instant.now());
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(503);
        assertThat(submit.body()).contains(DatabaseOutage.MESSAGE);
        assertThat(answeredIn).as("the user is told, not kept waiting").isLessThan(Duration.ofSeconds(15));

        long sleep = OUTAGE.minus(Duration.between(down, Instant.now())).toMillis();
        Thread.sleep(Math.max(0, sleep));
        assertThat(node.status(READINESS)).as("still DOWN at the end of the outage").isEqualTo(503);
        assertThat(node.status(LIVENESS)).isEqualTo(200);
        postgres = startDatabase();
        Instant back = Instant.now();
        Await.until("readiness UP again by itself", PATIENCE, () -> node.status(READINESS) == 200);
        long secondsToUp = Duration.between(back, Instant.now()).toSeconds();

        String in = submitted.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        Await.until("the work of before the outage finished after it", PATIENCE, () -> count(
                "select count(*) from service_request where status = 'FULFILLED' and id in (" + in + ")")
                == submitted.size());
        Instant finished = Instant.now();
        assertThat(count("select count(*) from service_request")).as("the refused submit left no row")
                .isEqualTo(requestsBefore);
        assertThat(count("select count(*) from act_hi_procinst")).as("nor a process").isEqualTo(processesBefore);
        assertThat(count("select count(*) from environment where status = 'RUNNING' and request_id in (" + in + ")"))
                .isEqualTo(5);
        assertThat(count("select count(*) from software_grant where request_id in (" + in + ")")).isEqualTo(5);
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();

        LoketNode.Submitted after = node.submitSoftware("emma", "LibreOffice");
        Await.until("a request submitted after the outage is fulfilled", PATIENCE, () -> count(
                "select count(*) from service_request where status = 'FULFILLED' and id = " + after.id()) == 1);
        log.info("Database outage of {} s: readiness DOWN after {} s, a submit refused in {} ms with the outage"
                        + " message, readiness UP {} s after the database was back, the work of before finished {} s"
                        + " after it; liveness UP throughout, no restart, nothing half-written", OUTAGE.toSeconds(),
                secondsToDown, answeredIn.toMillis(), secondsToUp, Duration.between(back, finished).toSeconds());
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(port)
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    private static long count(String query) {
        return JdbcClient.create(postgres.getPostgresDatabase()).sql(query).query(Long.class).single();
    }
}
