package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees and who manages an environment, row by row, as docs/wegwijzer.md states the rule: everyone of its
 * tenant (owner, privacy owner, members) and process admins see it; its owner and the tenant's owner manage it;
 * nobody else sees it at all. Tenant "utrecht" of the demo data: owner mark, privacy owner sanne, members emma and
 * frank; emma orders the environment.
 */
@LoketIntegrationTest
class EnvironmentVisibilityIT {

    @Autowired EnvironmentService environments;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;

    @AfterEach
    void reset() {
        processes.endAll(EnvironmentProcess.KEY);
        TestUsers.logout();
    }

    @ParameterizedTest(name = "{0} ({1}): sees {2}, manages {3}")
    @CsvSource({
            "emma,     owner of the environment and member, true,  true",
            "frank,    member of the tenant,                 true,  false",
            "mark,     owner of the tenant,                  true,  true",
            "sanne,    privacy owner of the tenant,          true,  false",
            "ada,      process admin not in the tenant,      true,  false",
            "outsider, in another tenant or none,            false, false"})
    void who_sees_and_who_manages_an_environment(String user, String role, boolean sees, boolean manages) {
        users.approver("outsider", "Otto Buiten", null);
        users.loginAs("emma");
        Request order = environments.order(new EnvironmentOrder("utrecht", "database-sandbox",
                "vis-" + UUID.randomUUID().toString().substring(0, 6), Stage.DEVELOPMENT, Size.SMALL, false, false,
                Schedule.officeHours(), LocalDate.now().plusWeeks(2)));
        long id = environments.findByRequest(order.number()).orElseThrow().environment().id();

        users.loginAs(user);
        var seen = environments.find(id);
        assertThat(seen.isPresent()).as("%s sees it", user).isEqualTo(sees);
        assertThat(environments.findByRequest(order.number()).isPresent()).as("by its request too").isEqualTo(sees);
        assertThat(environments.ofTenant("utrecht").stream().anyMatch(e -> e.environment().id() == id))
                .as("in the tenant's list").isEqualTo(sees);
        seen.ifPresent(view -> assertThat(environments.mayManage(view.environment())).as("%s manages it", user)
                .isEqualTo(manages));
    }
}
