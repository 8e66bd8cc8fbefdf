package nl.loket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The example load-balancer configuration of docs/examples/haproxy.cfg, run as it is (only its server lines
 * pointed at two Loket nodes, JVMs of their own on one embedded PostgreSQL): a browser stays on its node; a node
 * that is killed leaves the rotation through the readiness check and its users go to the other node; a node
 * started again (a rolling upgrade's new version) comes back into the rotation. Skipped where HAProxy is not
 * installed (.ci/run installs it).
 */
@EnabledIf(value = "haproxyInstalled", disabledReason = "HAProxy is not installed (apt-get install haproxy; .ci/run does)")
class LoadBalancerClusterIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path EXAMPLE = Path.of("docs", "examples", "haproxy.cfg");
    private static final Pattern BIND = Pattern.compile("(?m)^\\s*bind :(\\d+)\\s*$");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static EmbeddedPostgres postgres;
    private static LoketNode nodeA;
    private static LoketNode nodeB;
    private static int portA;
    private static int proxyPort;
    private static Process haproxy;

    static boolean haproxyInstalled() {
        return Files.isExecutable(HAPROXY);
    }

    @BeforeAll
    static void two_nodes_behind_the_example_configuration() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        portA = LoketNode.freePort();
        nodeA = LoketNode.start("lb-node-a", portA, settings());
        nodeB = LoketNode.start("lb-node-b", settings());
        proxyPort = LoketNode.freePort();
        String example = Files.readString(EXAMPLE);
        Matcher bind = BIND.matcher(example);
        assertThat(bind.find()).as("the example binds a port").isTrue();
        String config = bind.replaceFirst("    bind 127.0.0.1:" + proxyPort)
                .replace("server node-a loket-a:8080", "server node-a 127.0.0.1:" + portA)
                .replace("server node-b loket-b:8080", "server node-b 127.0.0.1:" + nodeB.port());
        assertThat(config).as("the example's server lines as the docs show them")
                .contains("127.0.0.1:" + portA).contains("127.0.0.1:" + nodeB.port());
        Path file = Files.createTempFile("loket-haproxy", ".cfg");
        Files.writeString(file, config);
        Path log = Path.of("target", "loket-nodes", "haproxy.log");
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Await.until("both nodes in the rotation", PATIENCE, () -> nodesAnswering(HttpClient.newHttpClient())
                .equals(Set.of("lb-node-a", "lb-node-b")));
    }

    private static Map<String, String> settings() {
        return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "camunda.bpm.job-execution.enabled", "true",
                "loket.demo-data.enabled", "true");
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (LoketNode node : new LoketNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_browser_stays_on_its_node_moves_when_it_dies_and_the_node_comes_back_after_its_restart() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String first = whoami(browser);
        for (int i = 0; i < 10; i++) {
            assertThat(whoami(browser)).as("sticky: the load balancer's cookie keeps the browser on its node")
                    .isEqualTo(first);
        }
        HttpResponse<String> login = get(browser, "/login");
        assertThat(login.statusCode()).as("the portal's login page through the load balancer").isEqualTo(200);

        LoketNode own = first.equals(nodeA.name()) ? nodeA : nodeB;
        String other = own == nodeA ? nodeB.name() : nodeA.name();
        own.kill();
        Await.until("the browser answered by the other node", PATIENCE, () -> other.equals(whoamiOrNothing(browser)));
        for (int i = 0; i < 10; i++) {
            assertThat(whoami(browser)).as("the dead node is out of the rotation").isEqualTo(other);
        }

        // the rolling upgrade's step: the node comes back (a new version of the same jar) where it was
        LoketNode restarted = LoketNode.start(own.name(), own.port(), settings());
        if (own == nodeA) {
            nodeA = restarted;
        } else {
            nodeB = restarted;
        }
        Await.until("the restarted node back in the rotation", PATIENCE,
                () -> nodesAnswering(HttpClient.newHttpClient()).contains(own.name()));
    }

    /** Which nodes answer a few requests from browsers without the load balancer's cookie. */
    private static Set<String> nodesAnswering(HttpClient withoutCookies) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String node = whoamiOrNothing(withoutCookies);
            if (node != null) {
                seen.add(node);
            }
        }
        return seen;
    }

    private static String whoami(HttpClient browser) throws Exception {
        HttpResponse<String> response = get(browser, NodeControl.PATH + "/whoami");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String whoamiOrNothing(HttpClient browser) {
        try {
            HttpResponse<String> response = get(browser, NodeControl.PATH + "/whoami");
            return response.statusCode() == 200 ? response.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
