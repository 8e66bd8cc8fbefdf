package nl.loket.directory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import nl.loket.directory.embedded.EmbeddedDirectoryServer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/** The demo directory on a free port with a {@link LdapDirectory} on it, as Loket runs them, without Spring. */
final class EmbeddedDirectory implements AutoCloseable {

    static final String BASE = "dc=loket,dc=example";
    static final String SERVICE_DN = "cn=loket,dc=loket,dc=example";
    static final String SERVICE_PASSWORD = "test-service-password";

    final EmbeddedDirectoryServer server;
    final LDAPConnectionPool pool;
    final DirectoryProperties config;
    final LdapDirectory directory;

    EmbeddedDirectory(Path dataFile) throws LDAPException {
        server = new EmbeddedDirectoryServer(BASE, "127.0.0.1", 0, SERVICE_DN, SERVICE_PASSWORD,
                "classpath:directory/demo.ldif", dataFile, new DefaultResourceLoader());
        config = properties(Map.of("loket.directory.url", url(), "loket.directory.bind-password", SERVICE_PASSWORD));
        pool = new LDAPConnectionPool(new SingleServerSet("127.0.0.1", server.port()),
                new SimpleBindRequest(SERVICE_DN, SERVICE_PASSWORD), 1, 4);
        directory = new LdapDirectory(pool, config);
    }

    String url() {
        return "ldap://127.0.0.1:" + server.port();
    }

    static DirectoryProperties properties(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("loket.directory", DirectoryProperties.class);
    }

    @Override
    public void close() {
        pool.close();
        server.close();
    }
}
