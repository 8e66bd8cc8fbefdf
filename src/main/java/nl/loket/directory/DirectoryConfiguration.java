package nl.loket.directory;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.net.SocketFactory;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import nl.loket.directory.embedded.EmbeddedDirectoryServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The directory's connection pool and, unless Loket is pointed at a real one, the embedded directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "loket.directory.kind", havingValue = "embedded", matchIfMissing = true)
    EmbeddedDirectoryServer embeddedDirectoryServer(DirectoryProperties config, ServiceAccount account,
                                                    ResourceLoader resources) {
        DirectoryProperties.Embedded embedded = config.embedded();
        String dataFile = embedded.dataFile();
        return new EmbeddedDirectoryServer(config.baseDn(), embedded.listenAddress(), embedded.port(),
                account.dn(), account.password(), embedded.seed(),
                dataFile == null || dataFile.isBlank() ? null : Path.of(dataFile), resources);
    }

    /** Loket's own account in the directory; the embedded directory's gets a new password each start if none is set. */
    record ServiceAccount(String dn, String password) {
        @Override
        public String toString() {
            return "ServiceAccount[" + dn + "]";
        }
    }

    @Bean
    ServiceAccount directoryServiceAccount(DirectoryProperties config) {
        boolean generate = config.kind() == DirectoryKind.EMBEDDED && config.bindPassword().isBlank();
        return new ServiceAccount(config.bindDn(), generate ? randomPassword() : config.bindPassword());
    }

    @Bean
    DirectoryEndpoint directoryEndpoint(DirectoryProperties config, ServiceAccount account,
                                        ObjectProvider<EmbeddedDirectoryServer> embedded) {
        EmbeddedDirectoryServer server = embedded.getIfAvailable();
        if (server != null && config.url().isBlank()) {
            return new DirectoryEndpoint("ldap://" + config.embedded().listenAddress() + ":" + server.port(),
                    account.dn(), account.password());
        }
        return new DirectoryEndpoint(config.url(), account.dn(), account.password());
    }

    @Bean(destroyMethod = "close")
    LDAPConnectionPool directoryConnectionPool(DirectoryProperties config, DirectoryEndpoint endpoint)
            throws LDAPException, GeneralSecurityException {
        LDAPURL url = new LDAPURL(endpoint.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) config.pool().connectTimeout().toMillis());
        options.setResponseTimeoutMillis(config.pool().responseTimeout().toMillis());
        SocketFactory sockets = "ldaps".equalsIgnoreCase(url.getScheme())
                // the JVM's trust store: add the directory's CA there (docs/configuration.md, "Directory")
                ? new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory()
                : null;
        SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
        // no connection at start is not fatal: the pool connects when the directory is back, a login waits till then
        LDAPConnectionPool pool = new LDAPConnectionPool(server,
                new SimpleBindRequest(endpoint.bindDn(), endpoint.bindPassword()),
                config.pool().initialSize(), config.pool().maxSize(), 1, null, false);
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        pool.setConnectionPoolName("loket-directory");
        return pool;
    }

    @Bean
    Directory directory(LDAPConnectionPool pool, DirectoryProperties config) {
        return new LdapDirectory(pool, config);
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
