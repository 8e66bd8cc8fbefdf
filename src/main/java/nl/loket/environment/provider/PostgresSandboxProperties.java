package nl.loket.environment.provider;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@link PostgresSandboxProvider} creates sandbox databases. {@code url} is a JDBC URL of the server (any
 * existing database on it, e.g. {@code jdbc:postgresql://db.internal:5432/postgres}); {@code username} and
 * {@code password} are an administrator with CREATEDB and CREATEROLE (see docs/environment-providers.md).
 * {@code publicHost} and {@code publicPort} are what users are told to connect to, when that differs from what Loket
 * uses (a proxy, a public DNS name); they default to the host and port of {@code url}.
 */
@ConfigurationProperties("loket.environments.postgresql")
record PostgresSandboxProperties(String url, String username, String password, String publicHost,
                                 Integer publicPort) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    PostgresSandboxProperties {
        // fail at start, not at the first provisioning job
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "loket.environments.postgresql.url must be a JDBC URL starting with " + PREFIX + ", was: " + url);
        }
    }

    String endpointHost() {
        if (publicHost != null && !publicHost.isBlank()) {
            return publicHost;
        }
        String host = serverAddress().getHost();
        if (host == null) {
            // several hosts (failover URL) or an unusual form: we cannot guess which one users should see
            throw new IllegalStateException("Cannot read a host from loket.environments.postgresql.url; "
                    + "set loket.environments.postgresql.public-host");
        }
        // an IPv6 address comes back in brackets, which belong in a URL, not in the host itself
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    int endpointPort() {
        if (publicPort != null) {
            return publicPort;
        }
        int port = serverAddress().getPort();
        return port == -1 ? DEFAULT_PORT : port;
    }

    private URI serverAddress() {
        return URI.create("postgresql://" + url.substring(PREFIX.length()));
    }
}
