package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import nl.loket.catalog.PublishingService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A model made in Camunda Modeler with Loket's element templates, published by a process admin as any uploaded
 * model is: its steps put the requester in a directory group and take them out again, without Java.
 */
@LoketIntegrationTest
class DirectoryGroupStepsIT {

    private static final String KEY = "publish-visio-access";
    private static final String GROUP = "sw-visio";

    @Autowired PublishingService publishing;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired Directory directory;
    @Autowired TestProcesses processes;
    @Autowired TestUsers users;

    @AfterEach
    void cleanUp() {
        processes.endAll(KEY);
        directory.removeFromGroup("frank", GROUP);
        TestUsers.logout();
    }

    private void publish() throws IOException {
        users.loginAs("ada");
        try {
            publishing.publish("visio-access", Map.of("visio-access.bpmn",
                    new ClassPathResource("publish/visio-access.bpmn").getContentAsByteArray()));
        } finally {
            TestUsers.logout();
        }
    }

    @Test
    void the_uploaded_model_adds_the_requester_to_the_group_and_removes_them_at_the_end() throws IOException {
        publish();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, Map.of("requester", "frank"));
        assertThat(directory.groupsOf("frank")).as("async: not before the job runs").doesNotContain(GROUP);

        processes.executeJobsOf(instance.getId());
        assertThat(directory.groupsOf("frank")).contains(GROUP);
        assertThat(runtimeService.getVariable(instance.getId(), "addedToDirectoryGroup")).isEqualTo(true);

        runtimeService.createMessageCorrelation("Msg_AccessEnds").processInstanceId(instance.getId()).correlate();
        processes.executeJobsOf(instance.getId());
        assertThat(directory.groupsOf("frank")).doesNotContain(GROUP);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("removedFromDirectoryGroup").singleResult()).extracting(HistoricVariableInstance::getValue)
                .isEqualTo(true);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void a_member_already_is_no_change_and_an_unknown_group_becomes_an_incident_for_the_process_admin()
            throws IOException {
        publish();
        directory.addToGroup("frank", GROUP);
        ProcessInstance already = runtimeService.startProcessInstanceByKey(KEY, Map.of("requester", "frank"));
        processes.executeJobsOf(already.getId());
        assertThat(runtimeService.getVariable(already.getId(), "addedToDirectoryGroup")).isEqualTo(false);

        ProcessInstance nobody = runtimeService.startProcessInstanceByKey(KEY, Map.of("requester", "no-such-person"));
        for (int attempt = 0; attempt < 3; attempt++) {
            managementService.createJobQuery().processInstanceId(nobody.getId()).list().forEach(job -> {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the job fails and is retried, as the job executor would
                }
            });
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(nobody.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("no-such-person");
    }
}
