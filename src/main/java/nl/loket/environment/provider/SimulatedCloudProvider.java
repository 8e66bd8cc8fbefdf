package nl.loket.environment.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cloud that does not cost anything, for the embedded run and tests: it keeps its resources and their state in
 * its own table ({@code sim_resource}), so a restart or a retried job finds what it made. Creating takes a while
 * ({@code loket.environments.simulated.delay}), as a real cloud's does. A configured share of its calls fails
 * ({@code loket.environments.simulated.failure-rate}, off by default; see {@link SimulatedFailures}), to exercise
 * retries and incidents; there is no method to switch failures on at run time.
 */
@Component
public class SimulatedCloudProvider implements EnvironmentProvider {

    public static final String ID = "simulated";
    static final String CREATING = "CREATING";
    static final String RUNNING = "RUNNING";
    static final String STOPPED = "STOPPED";

    private static final Logger log = LoggerFactory.getLogger(SimulatedCloudProvider.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration delay;
    private final SimulatedFailures failures;

    SimulatedCloudProvider(JdbcClient jdbc, Clock clock,
                           @Value("${loket.environments.simulated.delay:PT20S}") Duration delay,
                           @Value("${loket.environments.simulated.failure-rate:0}") double failureRate,
                           @Value("${loket.environments.simulated.failure-seed:}") String failureSeed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.delay = delay;
        this.failures = new SimulatedFailures(failureRate, failureSeed);
        if (failureRate > 0) {
            log.warn("Simulated cloud: {} % of calls fail (loket.environments.simulated.failure-rate)",
                    failureRate * 100);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Creates the environment with a generated password, or, when a retried job finds it made already, sets a new
     * password (the earlier one may have been lost with the failed job), as a real provider does.
     */
    @Override
    public Provisioning provision(EnvironmentSpec spec) {
        failIfInjected("provision " + spec.key());
        String secret = newSecret();
        Instant now = clock.instant();
        if (find(spec.key()).isEmpty()) {
            // the unique key makes a concurrent double run fail instead of creating twice
            jdbc.sql("""
                    insert into sim_resource (resource_key, name, components, state, secret_hash, ready_at, created_at,
                                              updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(spec.key(), spec.tenant() + "-" + spec.name(), String.join(",", spec.components()),
                            CREATING, hash(secret), utc(now.plus(delay)), utc(now), utc(now))
                    .update();
            log.info("Simulated cloud: creating {} ({}) for {}", spec.key(), String.join(", ", spec.components()),
                    spec.owner());
        } else {
            jdbc.sql("update sim_resource set secret_hash = ?, updated_at = ? where resource_key = ?")
                    .params(hash(secret), utc(now), spec.key()).update();
            log.info("Simulated cloud: {} exists already; new password set", spec.key());
        }
        Provisioning status = status(spec.key());
        return new Provisioning(status.ready(), status.endpoint(), status.connectionInfo(), secret);
    }

    /** Whether someone could log in to the environment with this password now (it exists, runs, password matches). */
    public boolean canLogIn(String key, String secret) {
        return secret != null && jdbc.sql("select count(*) from sim_resource where resource_key = ? and state = ? "
                        + "and secret_hash = ?")
                .params(key, RUNNING, hash(secret)).query(Integer.class).single() > 0;
    }

    private static String newSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public Provisioning status(String key) {
        return find(key).map(resource -> {
            if (CREATING.equals(resource.state()) && !clock.instant().isBefore(resource.readyAt())) {
                setState(key, RUNNING);
                return ready(resource.name());
            }
            return CREATING.equals(resource.state()) ? Provisioning.inProgress() : ready(resource.name());
        }).orElse(Provisioning.inProgress());
    }

    @Override
    public void start(String key) {
        failIfInjected("start " + key);
        require(key);
        setState(key, RUNNING);
    }

    @Override
    public void stop(String key) {
        failIfInjected("stop " + key);
        require(key);
        setState(key, STOPPED);
    }

    @Override
    public void delete(String key) {
        failIfInjected("delete " + key);
        jdbc.sql("delete from sim_resource where resource_key = ?").param(key).update();
    }

    /** The state the simulated cloud holds for a key (for the portal's admins and tests). */
    public Optional<String> state(String key) {
        return find(key).map(Resource::state);
    }

    private void require(String key) {
        if (find(key).isEmpty()) {
            throw new ProviderException("The simulated cloud has no environment " + key);
        }
    }

    private void failIfInjected(String operation) {
        failures.maybeFail(operation);
    }

    /** For tests in this package: the failures, whose rate they set while a test runs. */
    SimulatedFailures failures() {
        return failures;
    }

    private Provisioning ready(String name) {
        String host = name + ".env.loket.example";
        return new Provisioning(true, "https://" + host, "Host: " + host + "\nUser: admin", null);
    }

    private void setState(String key, String state) {
        jdbc.sql("update sim_resource set state = ?, updated_at = ? where resource_key = ?")
                .params(state, utc(clock.instant()), key).update();
    }

    private Optional<Resource> find(String key) {
        return jdbc.sql("select name, state, ready_at from sim_resource where resource_key = ?").param(key)
                .query((rs, row) -> new Resource(rs.getString("name"), rs.getString("state"),
                        rs.getObject("ready_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Resource(String name, String state, Instant readyAt) {
    }
}
