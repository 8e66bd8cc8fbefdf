package nl.loket.environment;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A provider's generated password, kept only until the owner has seen it once (or the environment is gone). */
@Component
class EnvironmentSecrets {

    private final JdbcClient jdbc;
    private final Clock clock;

    EnvironmentSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a new password, replacing one that was not seen yet (a retried provisioning makes a new one). */
    void keep(long environmentId, String secret) {
        forget(environmentId);
        jdbc.sql("insert into environment_secret (environment_id, secret, created_at) values (?, ?, ?)")
                .params(environmentId, secret, EnvironmentRepository.utc(clock.instant())).update();
    }

    /** The password, once: it is removed as it is handed out. */
    Optional<String> take(long environmentId) {
        Optional<String> secret = jdbc.sql("select secret from environment_secret where environment_id = ?")
                .param(environmentId).query(String.class).optional();
        secret.ifPresent(s -> forget(environmentId));
        return secret;
    }

    boolean has(long environmentId) {
        return jdbc.sql("select count(*) from environment_secret where environment_id = ?").param(environmentId)
                .query(Integer.class).single() > 0;
    }

    void forget(long environmentId) {
        jdbc.sql("delete from environment_secret where environment_id = ?").param(environmentId).update();
    }
}
