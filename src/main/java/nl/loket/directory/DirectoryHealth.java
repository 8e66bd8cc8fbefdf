package nl.loket.directory;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the directory answers (its base entry, read with the service account): without it nobody can log in.
 * Part of the overall health, not of readiness: a node without its directory still serves the sessions it has.
 */
@Component("directoryHealthIndicator")
class DirectoryHealth implements HealthIndicator {

    private final LDAPConnectionPool pool;
    private final DirectoryProperties config;

    DirectoryHealth(LDAPConnectionPool pool, DirectoryProperties config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Health health() {
        try {
            return pool.getEntry(config.baseDn(), "1.1") != null ? Health.up().build()
                    : Health.down().withDetail("reason", "base DN not found").build();
        } catch (LDAPException e) {
            return Health.down().withDetail("reason", e.getResultCode().toString()).build();
        }
    }
}
