package nl.loket.directory.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * UnboundID's in-memory directory server, run inside Loket for the demo and the tests: seeded from an LDIF file in
 * the repository, listening on a local port so that any LDAP client can look at it, and writing every change back
 * to its data file so that group memberships and passwords survive a restart. Passwords are stored salted
 * (SSHA-256), also the seed's clear-text ones. Its access control is minimal ({@link AccessRules}): it listens on
 * this machine only, and is not meant for production (docs/directory.md).
 */
public final class EmbeddedDirectoryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectoryServer.class);
    private static final String SCHEMA = "classpath:directory/schema.ldif";
    private static final long SAVE_DELAY_MS = 200;

    private final InMemoryDirectoryServer server;
    private final Path dataFile;
    private final ScheduledExecutorService saver;
    private final AtomicBoolean savePending = new AtomicBoolean();

    /**
     * @param dataFile the file changes are written to and read back from at the next start; null: nothing kept
     */
    public EmbeddedDirectoryServer(String baseDn, String listenAddress, int port, String bindDn, String bindPassword,
                                   String seed, Path dataFile, ResourceLoader resources) {
        this.dataFile = dataFile;
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), schema(resources)));
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getByName(listenAddress), port, null));
            config.addAdditionalBindCredentials(bindDn, bindPassword);
            config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
                    Base64PasswordEncoderOutputFormatter.getInstance(), MessageDigest.getInstance("SHA-256"), 8, true,
                    true));
            config.setEnforceAttributeSyntaxCompliance(true);
            config.addInMemoryOperationInterceptor(new AccessRules(bindDn));
            if (dataFile != null) {
                config.addInMemoryOperationInterceptor(new ChangeInterceptor(this::changed));
            }
            server = new InMemoryDirectoryServer(config);
            load(seed, resources);
            server.startListening();
        } catch (LDAPException | IOException | LDIFException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The embedded directory could not start: " + e.getMessage(), e);
        }
        saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-directory-save");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Embedded directory {} listens on ldap://{}:{}{}", baseDn, listenAddress, port(),
                dataFile == null ? " (changes are not kept)" : ", changes kept in " + dataFile.toAbsolutePath());
    }

    public int port() {
        return server.getListenPort();
    }

    private static Schema schema(ResourceLoader resources) throws IOException, LDIFException {
        try (InputStream in = resources.getResource(SCHEMA).getInputStream()) {
            return Schema.getSchema(in);
        }
    }

    private void load(String seed, ResourceLoader resources) throws IOException, LDAPException {
        if (dataFile != null && Files.exists(dataFile)) {
            int entries = server.importFromLDIF(true, dataFile.toFile());
            log.info("Embedded directory: {} entries read from {}", entries, dataFile.toAbsolutePath());
            return;
        }
        if (seed == null || seed.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(seed);
        try (InputStream in = resource.getInputStream(); LDIFReader reader = new LDIFReader(in)) {
            int entries = server.importFromLDIF(true, reader);
            log.info("Embedded directory: {} entries seeded from {}", entries, seed);
        }
        if (dataFile != null) {
            save();
        }
    }

    /** A change was made (by Loket or any LDAP client): written to the data file shortly, several at once. */
    private void changed() {
        if (savePending.compareAndSet(false, true)) {
            saver.schedule(this::saveQuietly, SAVE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            log.error("The embedded directory's changes could not be written to {}", dataFile, e);
        }
    }

    /** Writes the whole directory to a new file beside the data file, then moves it over: never a half file. */
    synchronized void save() {
        savePending.set(false);
        try {
            Path folder = dataFile.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path next = Files.createTempFile(folder, "directory", ".ldif.tmp");
            try {
                server.exportToLDIF(next.toString(), true, true);
                Files.move(next, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException | LDAPException e) {
            throw new IllegalStateException("Could not write the embedded directory to " + dataFile, e);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        if (dataFile != null && savePending.get()) {
            saveQuietly();
        }
        server.shutDown(true);
    }
}
