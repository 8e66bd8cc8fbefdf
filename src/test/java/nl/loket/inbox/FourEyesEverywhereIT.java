package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import nl.loket.request.Request;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Four-eyes holds through every entrance, not only the portal: the engine itself refuses a requester's claim or
 * completion of a task of their own request, also through engine-rest (and so through Tasklist, which uses the
 * same engine calls).
 */
@LoketIntegrationTest
class FourEyesEverywhereIT {

    /** An approver who is also a process admin and has no manager: her request goes to the approver group. */
    static final String PAULA = "paula";

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired SoftwareRequests software;
    @Autowired TestUsers users;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        TestUsers.logout();
        identityService.clearAuthentication();
    }

    @Test
    void the_requester_cannot_claim_or_complete_through_engine_rest() throws Exception {
        String taskId = taskOfOwnRequest();

        HttpResponse<String> claim = post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + PAULA + "\"}");
        assertThat(claim.statusCode()).isEqualTo(403);
        HttpResponse<String> complete = post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(complete.statusCode()).isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).as("still open").isNotNull();
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void the_requester_cannot_pass_for_someone_else_by_changing_the_requester_variable() throws Exception {
        String taskId = taskOfOwnRequest();
        String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

        // in the completion itself
        HttpResponse<String> complete = post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"},"
                        + "\"requester\":{\"value\":\"mark\",\"type\":\"String\"}}}");
        assertThat(complete.statusCode()).isEqualTo(403);
        // or first, on the process instance, then claiming and completing
        post("/engine-rest/process-instance/" + processInstanceId + "/variables",
                "{\"modifications\":{\"requester\":{\"value\":\"mark\",\"type\":\"String\"}}}");
        assertThat(post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + PAULA + "\"}").statusCode())
                .isEqualTo(403);
        assertThat(post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}").statusCode())
                .isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).as("still open").isNotNull();
    }

    @Test
    void the_requester_cannot_hand_a_task_of_her_own_request_to_someone_else_through_engine_rest() throws Exception {
        String taskId = taskOfOwnRequest();

        HttpResponse<String> assign = post("/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"mark\"}");

        // only the model's assignee, given as the engine creates the task in her command, is not her choice
        assertThat(assign.statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void the_engine_refuses_it_whoever_calls() {
        String taskId = taskOfOwnRequest();
        assertThatThrownBy(() -> taskService.claim(taskId, PAULA)).hasRootCauseInstanceOf(AuthorizationException.class);

        identityService.setAuthenticatedUserId(PAULA);
        assertThatThrownBy(() -> taskService.complete(taskId)).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        identityService.setAuthenticatedUserId("mark");
        taskService.claim(taskId, "mark");
        taskService.complete(taskId, java.util.Map.of("approved", false, "rejectionReason", "Not needed"));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("someone else may").isZero();
    }

    private String taskOfOwnRequest() {
        accounts.createIfAbsent(new UserAccount(PAULA, "Paula Admin", "paula@loket.example", null, true,
                Set.of(Roles.EMPLOYEE, Roles.APPROVER, Roles.PROCESS_ADMIN)), "secret-for-paula");
        users.loginAs(PAULA);
        Request request = software.submit("Microsoft Visio", false);
        TestUsers.logout();
        return jdbc.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((PAULA + ":secret-for-paula")
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
