package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loket's directory against the embedded demo directory: real binds, real group changes, what survives a restart. */
class LdapDirectoryTest {

    @TempDir Path folder;
    EmbeddedDirectory embedded;
    Directory directory;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedDirectory(null);
        directory = embedded.directory;
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void a_person_reads_as_the_demo_directory_has_them() {
        Person emma = directory.find("emma").orElseThrow();
        assertThat(emma.displayName()).isEqualTo("Emma Jansen");
        assertThat(emma.email()).isEqualTo("emma@loket.example");
        assertThat(emma.managerUsername()).isEqualTo("mark");
        assertThat(emma.department()).isEqualTo("Informatievoorziening");
        assertThat(emma.title()).isEqualTo("Beleidsmedewerker Ruimtelijke Ordening");
        assertThat(emma.preferredLanguage()).isEqualTo("nl");
        assertThat(emma.enabled()).isTrue();
        assertThat(emma.groups()).containsExactly("loket-employees");
        assertThat(directory.findByMail("emma@loket.example")).map(Person::username).contains("emma");
    }

    @Test
    void everyone_comes_with_their_groups_and_manager_in_one_read() {
        assertThat(directory.people()).extracting(Person::username)
                .containsExactlyInAnyOrder("mark", "emma", "frank", "ada", "sanne");
        Person sanne = directory.people().stream().filter(p -> p.username().equals("sanne")).findFirst().orElseThrow();
        assertThat(sanne.groups()).containsExactlyInAnyOrder("loket-employees", "loket-approvers");
        assertThat(sanne.managerUsername()).isEqualTo("mark");
    }

    @Test
    void a_bind_with_the_right_password_succeeds_and_with_a_wrong_or_empty_one_fails() {
        assertThat(directory.authenticate("emma", "demo")).isTrue();
        assertThat(directory.authenticate("emma", "Demo")).isFalse();
        // an empty password would be an anonymous bind, which LDAP answers with success
        assertThat(directory.authenticate("emma", "")).isFalse();
        assertThat(directory.authenticate("nobody", "demo")).isFalse();
    }

    @Test
    void after_a_new_password_the_new_one_binds_and_the_old_one_no_longer_does() {
        directory.setPassword("emma", "a-new-password-of-length");
        assertThat(directory.authenticate("emma", "a-new-password-of-length")).isTrue();
        assertThat(directory.authenticate("emma", "demo")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "emma*", "*)(uid=*", "emma)(|(uid=*)", "*)(objectClass=*", "emma\\2a", "\u0000"})
    void ldap_filter_characters_in_a_username_are_looked_up_as_characters(String attack) {
        assertThat(directory.find(attack)).isEmpty();
        assertThat(directory.findByMail(attack)).isEmpty();
        assertThat(directory.authenticate(attack, "demo")).isFalse();
        assertThat(directory.groupsOf(attack)).isEmpty();
    }

    @Test
    void adding_to_a_group_twice_and_removing_twice_change_it_once() {
        assertThat(directory.addToGroup("emma", "sw-visio")).isTrue();
        assertThat(directory.addToGroup("emma", "sw-visio")).isFalse();
        assertThat(directory.groupsOf("emma")).contains("sw-visio");
        assertThat(directory.removeFromGroup("emma", "sw-visio")).isTrue();
        assertThat(directory.removeFromGroup("emma", "sw-visio")).isFalse();
        assertThat(directory.groupsOf("emma")).doesNotContain("sw-visio");
    }

    @Test
    void an_unknown_group_or_person_is_said_so() {
        assertThatThrownBy(() -> directory.addToGroup("emma", "no-such-group"))
                .isInstanceOf(UnknownEntryException.class).hasMessageContaining("no-such-group");
        assertThatThrownBy(() -> directory.addToGroup("nobody", "sw-visio"))
                .isInstanceOf(UnknownEntryException.class).hasMessageContaining("nobody");
        assertThat(directory.removeFromGroup("nobody", "sw-visio")).isFalse();
    }

    @Test
    void a_locked_account_reads_as_disabled_until_unlocked() {
        directory.lock("frank");
        assertThat(directory.isLocked("frank")).isTrue();
        assertThat(directory.find("frank").orElseThrow().enabled()).isFalse();
        directory.unlock("frank");
        directory.unlock("frank");
        assertThat(directory.isLocked("frank")).isFalse();
    }

    @Test
    void a_person_added_by_loket_can_bind_and_is_in_the_groups_asked_for() {
        assertThat(directory.addPersonIfAbsent(new NewPerson("olaf", "Olaf de Smit", "olaf@loket.example", "mark",
                java.util.Set.of("loket-employees"), "olafs-password"))).isTrue();
        assertThat(directory.addPersonIfAbsent(new NewPerson("olaf", "Olaf de Smit", null, null,
                java.util.Set.of(), "another"))).isFalse();
        assertThat(directory.authenticate("olaf", "olafs-password")).isTrue();
        Person olaf = directory.find("olaf").orElseThrow();
        assertThat(olaf.managerUsername()).isEqualTo("mark");
        assertThat(olaf.groups()).containsExactly("loket-employees");
    }

    @Test
    void group_changes_and_passwords_survive_a_restart_through_the_data_file() throws Exception {
        Path dataFile = folder.resolve("directory.ldif");
        try (EmbeddedDirectory first = new EmbeddedDirectory(dataFile)) {
            first.directory.addToGroup("emma", "sw-intellij-ultimate");
            first.directory.setPassword("emma", "survives-a-restart");
        }
        assertThat(Files.readString(dataFile)).contains("sw-intellij-ultimate")
                .doesNotContain("survives-a-restart");
        try (EmbeddedDirectory second = new EmbeddedDirectory(dataFile)) {
            assertThat(second.directory.groupsOf("emma")).contains("sw-intellij-ultimate");
            assertThat(second.directory.authenticate("emma", "survives-a-restart")).isTrue();
            assertThat(second.directory.authenticate("emma", "demo")).isFalse();
        }
    }
}
