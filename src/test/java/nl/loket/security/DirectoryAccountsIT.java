package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import nl.loket.directory.Directory;
import nl.loket.directory.DirectoryEndpoint;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.PortalBrowser;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory as the source of truth for who may do what: roles from groups at login and at every sync,
 * Camunda's groups following, and someone disabled or removed in the directory locked out with their work handed
 * back to the group.
 */
@LoketIntegrationTest
class DirectoryAccountsIT {

    private static final String PAID = "IntelliJ IDEA Ultimate";
    private static final String PEOPLE = "ou=people,dc=loket,dc=example";
    private static final String GROUPS = "ou=groups,dc=loket,dc=example";

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired DirectoryAccounts directoryAccounts;
    @Autowired Directory directory;
    @Autowired DirectoryEndpoint endpoint;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired SoftwareRequests software;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        processes.endAll("software-access");
        jdbc.sql("delete from login_throttle").update();
    }

    private void person(String username, String manager, String... roles) {
        accounts.createIfAbsent(new UserAccount(username, username + " Test", username + "@loket.example", manager,
                true, Set.of(roles)), "password-of-" + username);
    }

    private boolean logsIn(String username) throws Exception {
        return !new PortalBrowser(port).logIn(username, "password-of-" + username).headers()
                .firstValue("Location").orElse("").contains("error");
    }

    private Set<String> engineGroups(String username) {
        return Set.copyOf(identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId)
                .toList());
    }

    @Test
    void roles_come_from_directory_groups_at_login_and_the_engine_follows() throws Exception {
        person("vera", null, Roles.EMPLOYEE);
        assertThat(accounts.find("vera").orElseThrow().roles()).containsExactly(Roles.EMPLOYEE);

        directory.addToGroup("vera", "loket-fulfillers");
        assertThat(accounts.find("vera").orElseThrow().roles()).as("not before she logs in or the sync runs")
                .doesNotContain(Roles.FULFILLER);
        assertThat(logsIn("vera")).isTrue();
        assertThat(accounts.find("vera").orElseThrow().roles()).contains(Roles.EMPLOYEE, Roles.FULFILLER);
        assertThat(engineGroups("vera")).contains(Roles.EMPLOYEE, Roles.FULFILLER);

        directory.removeFromGroup("vera", "loket-fulfillers");
        directoryAccounts.syncAll();
        assertThat(accounts.find("vera").orElseThrow().roles()).containsExactly(Roles.EMPLOYEE);
        assertThat(engineGroups("vera")).doesNotContain(Roles.FULFILLER);
    }

    @Test
    void the_directorys_other_groups_are_engine_groups_of_the_same_name_for_cockpit_and_admin() {
        person("zoe", null, Roles.EMPLOYEE);
        directory.addToGroup("zoe", "sw-visio");
        directoryAccounts.syncAll();
        assertThat(engineGroups("zoe")).containsExactlyInAnyOrder(Roles.EMPLOYEE, "sw-visio");
        assertThat(identity.createUserQuery().memberOfGroup("sw-visio").list()).extracting(u -> u.getId())
                .contains("zoe");
        assertThat(accounts.directoryGroups("zoe")).containsExactly("sw-visio");

        directory.removeFromGroup("zoe", "sw-visio");
        directoryAccounts.syncAll();
        assertThat(engineGroups("zoe")).containsExactly(Roles.EMPLOYEE);

        directory.addToGroup("zoe", "sw-visio");
        directory.lock("zoe");
        directoryAccounts.syncAll();
        assertThat(engineGroups("zoe")).as("disabled: in no group").isEmpty();
        directory.unlock("zoe");
        directory.removeFromGroup("zoe", "sw-visio");
        directoryAccounts.syncAll();
    }

    @Test
    void name_manager_and_department_are_the_directorys() throws Exception {
        person("wout", null, Roles.EMPLOYEE);
        try (LDAPConnection ldap = serviceConnection()) {
            ldap.modify("uid=wout," + PEOPLE,
                    new Modification(ModificationType.REPLACE, "cn", "Wout van Dam"),
                    new Modification(ModificationType.REPLACE, "manager", "uid=mark," + PEOPLE),
                    new Modification(ModificationType.REPLACE, "department", "Vergunningen"));
        }
        directoryAccounts.syncAll();
        UserAccount wout = accounts.find("wout").orElseThrow();
        assertThat(wout.displayName()).isEqualTo("Wout van Dam");
        assertThat(wout.managerUsername()).isEqualTo("mark");
        assertThat(identity.createUserQuery().userId("wout").singleResult().getFirstName()).isEqualTo("Wout van Dam");
    }

    @Test
    void a_manager_disabled_in_the_directory_cannot_log_in_and_their_approval_goes_to_the_approvers() throws Exception {
        person("wim", null, Roles.EMPLOYEE, Roles.APPROVER);
        person("xander", "wim", Roles.EMPLOYEE);
        Request request = software.submitAs("xander", PAID);
        Task approval = taskOf(request);
        assertThat(approval.getAssignee()).isEqualTo("wim");
        assertThat(logsIn("wim")).isTrue();

        directory.lock("wim");
        directoryAccounts.syncAll();

        assertThat(logsIn("wim")).as("disabled in the directory").isFalse();
        assertThat(accounts.find("wim").orElseThrow().enabled()).isFalse();
        assertThat(engineGroups("wim")).isEmpty();
        Task handedBack = taskOf(request);
        assertThat(handedBack.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(handedBack.getId())).extracting(IdentityLink::getGroupId)
                .contains(Roles.APPROVER);

        directory.unlock("wim");
        directoryAccounts.syncAll();
        assertThat(logsIn("wim")).isTrue();
        assertThat(accounts.find("wim").orElseThrow().roles()).contains(Roles.APPROVER);
    }

    @Test
    void someone_removed_from_the_directory_cannot_log_in_and_keeps_their_name_on_what_they_did() throws Exception {
        person("yara", null, Roles.EMPLOYEE);
        assertThat(logsIn("yara")).isTrue();
        try (LDAPConnection ldap = serviceConnection()) {
            ldap.modify("cn=loket-employees," + GROUPS,
                    new Modification(ModificationType.DELETE, "member", "uid=yara," + PEOPLE));
            ldap.delete("uid=yara," + PEOPLE);
        }
        DirectoryAccounts.SyncResult result = directoryAccounts.syncAll();
        assertThat(result.closed()).isGreaterThanOrEqualTo(1);
        assertThat(logsIn("yara")).isFalse();
        UserAccount yara = accounts.find("yara").orElseThrow();
        assertThat(yara.enabled()).isFalse();
        assertThat(yara.roles()).isEmpty();
        assertThat(yara.displayName()).isEqualTo("yara Test");
        assertThat(directoryAccounts.syncAll().closed()).as("closed once").isZero();
    }

    private Task taskOf(Request request) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.number()).singleResult();
    }

    private LDAPConnection serviceConnection() throws Exception {
        LDAPURL url = new LDAPURL(endpoint.url());
        return new LDAPConnection(url.getHost(), url.getPort(), endpoint.bindDn(), endpoint.bindPassword());
    }
}
