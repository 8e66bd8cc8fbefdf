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
import nl.loket.support.PortalBrowser;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    private final java.util.List<String> instancesToEnd = new java.util.ArrayList<>();

    @AfterEach
    void logout() {
        TestUsers.logout();
        identityService.clearAuthentication();
        instancesToEnd.forEach(instance -> runtimeService.deleteProcessInstance(instance, "test over", true, true));
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
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void tasklist_refuses_the_requester_with_403_not_a_server_error(
            org.springframework.boot.test.system.CapturedOutput log) throws Exception {
        String taskId = taskOfOwnRequest();
        PortalBrowser tasklist = new PortalBrowser(port);
        tasklist.logIn(PAULA, "secret-for-paula");
        tasklist.get("/camunda/app/tasklist/default/");
        String xsrf = tasklist.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("Tasklist set no XSRF-TOKEN"));

        for (String call : new String[] {"claim", "submit-form"}) {
            String body = call.equals("claim") ? "{\"userId\":\"" + PAULA + "\"}"
                    : "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}";
            HttpResponse<String> refused = tasklist.client().send(HttpRequest.newBuilder(
                            tasklist.uri("/camunda/api/engine/engine/default/task/" + taskId + "/" + call))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(call + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(call).contains("Four-eyes");
        }
        assertThat(log.getOut()).as("the refusal is one WARN line of Loket's, not an engine ERROR with a trace")
                .contains("(four-eyes)").doesNotContain(" ERROR ");
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
    void loket_s_own_variables_cannot_be_set_changed_or_deleted_through_the_engine_api() throws Exception {
        String taskId = taskOfOwnRequest();
        String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        Object requestId = runtimeService.getVariable(instance, "requestId");
        String[][] calls = {
                {"/engine-rest/process-instance/" + instance + "/variables",
                        "{\"modifications\":{\"requester\":{\"value\":\"mark\",\"type\":\"String\"}}}"},
                {"/engine-rest/process-instance/" + instance + "/variables", "{\"deletions\":[\"approver\"]}"},
                {"/engine-rest/process-instance/" + instance + "/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"x\","
                                + "\"variables\":{\"requestId\":{\"value\":1,\"type\":\"Long\"}}}]}"},
                {"/engine-rest/message", "{\"messageName\":\"m\",\"processVariables\":"
                        + "{\"approver\":{\"value\":\"paula\"}}}"},
                {"/engine-rest/task/" + taskId + "/variables",
                        "{\"modifications\":{\"approver\":{\"value\":\"paula\",\"type\":\"String\"}}}"}};
        for (String[] call : calls) {
            HttpResponse<String> refused = post(call[0], call[1]);
            assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(refused.body()).contains("Loket's own");
        }
        HttpResponse<String> put = send("PUT", "/engine-rest/process-instance/" + instance + "/variables/requester",
                "{\"value\":\"mark\",\"type\":\"String\"}");
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/engine-rest/process-instance/" + instance + "/variables/requestId", "").statusCode())
                .isEqualTo(403);

        // through Cockpit's and Tasklist's engine API, with the web apps' own CSRF token
        PortalBrowser cockpit = new PortalBrowser(port);
        cockpit.logIn(PAULA, "secret-for-paula");
        cockpit.get("/camunda/app/cockpit/default/");
        HttpResponse<String> viaCockpit = cockpit.client().send(HttpRequest.newBuilder(
                        cockpit.uri("/camunda/api/engine/engine/default/process-instance/" + instance + "/variables"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cockpit.cookie("XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"modifications\":{\"requester\":{\"value\":\"mark\",\"type\":\"String\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaCockpit.statusCode()).isEqualTo(403);

        // padding does not carry a change past the check: a body too large to check is refused whole
        String padded = "{\"modifications\":{\"requester\":{\"value\":\"mark\",\"type\":\"String\"}},\"pad\":\""
                + " ".repeat(17 * 1024 * 1024) + "\"}";
        try {
            assertThat(post("/engine-rest/process-instance/" + instance + "/variables", padded).statusCode())
                    .isEqualTo(413);
        } catch (java.io.IOException closedWhileSending) {
            // Tomcat answers 413 and closes the connection rather than read 17 MB it will not use: refused as well
        }

        assertThat(runtimeService.getVariable(instance, "requester")).isEqualTo(PAULA);
        assertThat(runtimeService.getVariable(instance, "requestId")).isEqualTo(requestId);
        // other variables stay the process admin's to change, and reading is reading
        assertThat(post("/engine-rest/process-instance/" + instance + "/variables",
                "{\"modifications\":{\"note\":{\"value\":\"checked\",\"type\":\"String\"}}}").statusCode())
                .isEqualTo(204);
        assertThat(post("/engine-rest/task", "{\"processVariables\":[{\"name\":\"requester\",\"operator\":\"eq\","
                + "\"value\":\"" + PAULA + "\"}]}").statusCode()).isEqualTo(200);
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

    @Test
    void skipping_the_approval_of_her_own_request_by_instance_modification_grants_nothing() throws Exception {
        String taskId = taskOfOwnRequest();
        String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        long requestId = requestOf(instance);

        // Cockpit's "modify": start before the grant with approved = true, cancel the approval task
        HttpResponse<String> modify = post("/engine-rest/process-instance/" + instance + "/modification", """
                {"skipCustomListeners": true, "instructions": [
                  {"type": "startBeforeActivity", "activityId": "ServiceTask_GrantAccess",
                   "variables": {"approved": {"value": true, "type": "Boolean"}}},
                  {"type": "cancel", "activityId": "UserTask_ApproveRequest"}]}""");
        assertThat(modify.statusCode()).as(modify.body()).isEqualTo(204);
        runTheGrant(instance);

        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(requestId)
                .query(Integer.class).single()).as("no grant").isZero();
        assertThat(jdbc.sql("select status from service_request where id = ?").param(requestId)
                .query(String.class).single()).isNotEqualTo("FULFILLED");
        assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getExceptionMessage())
                .as("the refused grant, for a process admin to see")
                .contains("Four-eyes", "the approval it needs was never given");
    }

    @Test
    void pointing_an_instance_at_another_request_carries_neither_out() throws Exception {
        String taskId = taskOfOwnRequest();
        String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        users.loginAs("emma");
        Request emmas = software.submit("LibreOffice", false);
        TestUsers.logout();
        String emmasInstance = jdbc.sql("select process_instance_id from service_request where id = ?")
                .param(emmas.id()).query(String.class).single();
        managementService.createJobQuery().processInstanceId(emmasInstance).list()
                .forEach(job -> managementService.deleteJob(job.getId()));

        assertThat(post("/engine-rest/process-instance/" + instance + "/variables",
                "{\"modifications\":{\"requestId\":{\"value\":" + emmas.id() + ",\"type\":\"Long\"}}}")
                .statusCode()).as("refused at the door").isEqualTo(403);
        // and should it be changed behind the door (the Java API, a script allowed by the switch), the step that
        // takes effect still finds the instance is not the request's
        runtimeService.setVariable(instance, "requestId", emmas.id());
        post("/engine-rest/process-instance/" + instance + "/modification", """
                {"skipCustomListeners": true, "instructions": [
                  {"type": "startBeforeActivity", "activityId": "ServiceTask_GrantAccess"},
                  {"type": "cancel", "activityId": "UserTask_ApproveRequest"}]}""");
        runTheGrant(instance);

        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(emmas.id())
                .query(Integer.class).single()).as("emma's request is not granted by another instance").isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getExceptionMessage())
                .contains("Four-eyes", "is not the request's");
    }

    private void runTheGrant(String instance) {
        String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
        assertThatThrownBy(() -> managementService.executeJob(job)).hasMessageContaining("Four-eyes");
        // its failing job would otherwise meet other tests that run every job of the shared engine
        instancesToEnd.add(instance);
    }

    private long requestOf(String instance) {
        return jdbc.sql("select id from service_request where process_instance_id = ?").param(instance)
                .query(Long.class).single();
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
        return send("POST", path, json);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((PAULA + ":secret-for-paula")
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
