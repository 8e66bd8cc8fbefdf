package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded directory as any LDAP client sees it: OpenLDAP's own ldapsearch, ldappasswd (RFC 3062) and
 * ldapmodify (installed by .ci/run from Debian's ldap-utils), and Loket reading what they changed.
 */
class LdapClientsTest {

    private static final String BASE = EmbeddedDirectory.BASE;
    private static final String EMMA = "uid=emma,ou=people," + BASE;

    @TempDir Path folder;
    EmbeddedDirectory embedded;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedDirectory(folder.resolve("directory.ldif"));
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void ldapsearch_finds_the_demo_people_with_their_attributes_without_logging_in() throws Exception {
        String out = run(List.of("ldapsearch", "-x", "-LLL", "-H", embedded.url(), "-b", "ou=people," + BASE,
                "(uid=emma)", "mail", "manager", "department", "title", "preferredLanguage"), null);
        assertThat(out).contains("dn: " + EMMA)
                .contains("mail: emma@loket.example")
                .contains("manager: uid=mark,ou=people," + BASE)
                .contains("department: Informatievoorziening")
                .contains("preferredLanguage: nl");
        String groups = run(List.of("ldapsearch", "-x", "-LLL", "-H", embedded.url(), "-b", "ou=groups," + BASE,
                "(member=uid=mark,ou=people," + BASE + ")", "cn"), null);
        assertThat(groups).contains("cn: loket-employees").contains("cn: loket-approvers")
                .doesNotContain("loket-fulfillers");
    }

    @Test
    void ldappasswd_changes_a_password_that_loket_then_binds_with() throws Exception {
        run(List.of("ldappasswd", "-x", "-H", embedded.url(), "-D", EMMA, "-w", "demo", "-s", "set-by-ldappasswd"),
                null);
        assertThat(embedded.directory.authenticate("emma", "set-by-ldappasswd")).isTrue();
        assertThat(embedded.directory.authenticate("emma", "demo")).isFalse();
        // and what Loket sets, ldapsearch binds with
        embedded.directory.setPassword("emma", "set-by-loket-now");
        assertThat(run(List.of("ldapsearch", "-x", "-LLL", "-H", embedded.url(), "-D", EMMA, "-w",
                "set-by-loket-now", "-b", EMMA, "-s", "base", "uid"), null)).contains("uid: emma");
    }

    @Test
    void a_membership_added_with_ldapmodify_is_a_group_of_the_person_for_loket_and_kept_in_the_data_file()
            throws Exception {
        String ldif = "dn: cn=sw-visio,ou=groups," + BASE + "\nchangetype: modify\nadd: member\nmember: " + EMMA + "\n";
        run(List.of("ldapmodify", "-x", "-H", embedded.url(), "-D", EmbeddedDirectory.SERVICE_DN, "-w",
                EmbeddedDirectory.SERVICE_PASSWORD), ldif);
        assertThat(embedded.directory.groupsOf("emma")).contains("sw-visio");
        embedded.close();
        embedded = new EmbeddedDirectory(folder.resolve("directory.ldif"));
        assertThat(embedded.directory.groupsOf("emma")).contains("sw-visio");
    }

    @Test
    void nobody_but_loket_changes_the_directory_and_no_client_reads_a_password_hash() throws Exception {
        String addEmma = "dn: cn=sw-visio,ou=groups," + BASE + "\nchangetype: modify\nadd: member\nmember: " + EMMA
                + "\n";
        assertThat(fails(List.of("ldapmodify", "-x", "-H", embedded.url()), addEmma))
                .as("anonymous").contains("Insufficient access");
        assertThat(fails(List.of("ldapmodify", "-x", "-H", embedded.url(), "-D", EMMA, "-w", "demo"), addEmma))
                .as("emma herself").contains("Insufficient access");
        assertThat(embedded.directory.groupsOf("emma")).doesNotContain("sw-visio");
        assertThat(fails(List.of("ldappasswd", "-x", "-H", embedded.url(), "-D", EMMA, "-w", "demo", "-s",
                "not-marks-password", "uid=mark,ou=people," + BASE), null)).as("someone else's password")
                .contains("Insufficient access");
        assertThat(embedded.directory.authenticate("mark", "demo")).isTrue();
        assertThat(run(List.of("ldapsearch", "-x", "-LLL", "-H", embedded.url(), "-b", "ou=people," + BASE,
                "(uid=emma)", "userPassword", "uid"), null)).contains("uid: emma").doesNotContain("userPassword");
        assertThat(fails(List.of("ldapcompare", "-x", "-H", embedded.url(), EMMA, "userPassword:demo"), null))
                .contains("Insufficient access");
    }

    /** Runs a client that must fail; what it said. */
    private static String fails(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s said: %s", command.get(0), out).isNotZero();
        return out;
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LDAPNOINIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            throw new AssertionError(command.get(0) + " is not installed: apt-get install ldap-utils (.ci/run does)",
                    notInstalled);
        }
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s said: %s", command.get(0), out).isZero();
        return out;
    }
}
