package nl.loket.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.loket.LoketApplication;

/**
 * A Loket node as a JVM of its own, started from the test class path (so {@link NodeControl} is there to drive
 * it), and killed the hard way: {@link #kill()} is SIGKILL, nothing on the node gets to clean up. Its output goes
 * to {@code target/loket-nodes/<name>.log}.
 */
final class LoketNode {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([^\"]+)\"");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoketNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** A submitted request as the node answered it. */
    record Submitted(long id, String number) {
    }

    /** Starts the node and returns once it is ready (its readiness health is UP). */
    static LoketNode start(String name, Map<String, String> settings) throws Exception {
        return start(name, freePort(), settings);
    }

    /** Starts the node on the given port (a node restarted where the load balancer expects it). */
    static LoketNode start(String name, int port, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC",
                "-cp", testClassPath(),
                LoketApplication.class.getName(),
                "--server.port=" + port,
                "--loket.test.node-control=true",
                "--loket.test.node-name=" + name,
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "loket-nodes", name + ".log");
        for (int run = 2; Files.exists(log); run++) {
            log = Path.of("target", "loket-nodes", name + "-" + run + ".log");
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LoketNode node = new LoketNode(name, port, process, log);
        node.awaitReady();
        return node;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                        + "); its log: " + log.toAbsolutePath());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(500);
        }
        kill();
        throw new IllegalStateException(name + " not ready within " + START_PATIENCE + "; its log: " + log);
    }

    /** Whether the node's readiness health says UP (false while it starts, or when it cannot serve). */
    boolean ready() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A GET's status code, or 0 when the node does not answer within 5 s. */
    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A POST to the node's control, answered as it was: status and body, whatever they are. */
    HttpResponse<String> tryPost(String path, Map<String, String> parameters) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(NodeControl.PATH + path + "?" + query(parameters)))
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Submitted submitSoftware(String user, String software) {
        return submitted(post("/software", Map.of("user", user, "name", software)));
    }

    Submitted orderEnvironment(String user, String tenant, String environment) {
        return submitted(post("/environment", Map.of("user", user, "tenant", tenant, "name", environment)));
    }

    void approve(String approver, long requestId) {
        post("/approve", Map.of("user", approver, "request", String.valueOf(requestId)));
    }

    /** SIGKILL: the JVM ends at once, in the middle of whatever its threads do. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** An orderly stop (SIGTERM: Spring closes the context) for the end of a test. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    private String post(String path, Map<String, String> parameters) {
        try {
            HttpResponse<String> response = tryPost(path, parameters);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + " to " + path + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Submitted submitted(String body) {
        Matcher id = ID.matcher(body);
        Matcher number = NUMBER.matcher(body);
        if (!id.find() || !number.find()) {
            throw new IllegalStateException("Not a submitted request: " + body);
        }
        return new Submitted(Long.parseLong(id.group(1)), number.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The test JVM's class path without empty entries: an empty entry is the working directory, the project's
     * root, whose processes/ and forms/ folders the engine would then deploy a second time.
     */
    private static String testClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.equals("."))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
