package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.inbox.InboxService;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a newcomer finds in the demo. */
@LoketIntegrationTest
class DemoDataIT {

    @Autowired DemoDataLoader demo;
    @Autowired TestUsers users;
    @Autowired InboxService inbox;
    @Autowired RequestService requests;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void frank_the_it_fulfiller_finds_a_manual_install_in_his_inbox_and_a_restart_adds_no_second_one() throws Exception {
        // the demo's is emma's first request for it (other tests in this context may have asked for it since)
        Request demoRequest = emmasManualInstallRequests().stream().min(java.util.Comparator.comparing(Request::id))
                .orElseThrow(() -> new AssertionError("the demo has no request for " + DemoDataLoader.MANUAL_INSTALL));
        users.loginAs("frank");
        assertThat(inbox.myTasks()).filteredOn(task -> task.request().number().equals(demoRequest.number()))
                .singleElement().satisfies(task -> {
                    assertThat(task.taskKey()).isEqualTo(SoftwareAccessProcess.FULFIL_MANUALLY);
                    assertThat(task.requesterName()).isEqualTo("Emma Jansen");
                });
        int asked = emmasManualInstallRequests().size();

        TestUsers.logout();
        demo.run(null);

        assertThat(emmasManualInstallRequests()).as("loaded again (a restart): nothing new").hasSize(asked);
    }

    private List<Request> emmasManualInstallRequests() {
        users.loginAs("emma");
        try {
            return requests.myRequests().stream()
                    .filter(r -> r.type().equals(SoftwareAccessProcess.KEY))
                    .filter(r -> r.summary().equals(DemoDataLoader.MANUAL_INSTALL)).toList();
        } finally {
            TestUsers.logout();
        }
    }
}
