package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.inbox.InboxService;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.PortalBrowser;
import nl.loket.support.TestModels;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request type started outside Loket, from Camunda Tasklist or engine REST, over real HTTP with the body Tasklist
 * sends: it is checked like a start in Loket and ends up as the same request.
 * Rosa is an employee (a candidate starter) and a process admin (engine REST is for process admins); Mark is her
 * manager, so her approver. Otto is a process admin only.
 */
@LoketIntegrationTest
class StartedOutsideLoketIT {

    static final String KEY = "workplace-monitor";
    static final String APPROVE = "UserTask_ApproveRequest";
    static final String SUBMIT_FORM = "/engine-rest/process-definition/key/" + KEY + "/submit-form";
    static final String START = "/engine-rest/process-definition/key/" + KEY + "/start";
    static final ObjectMapper JSON = new ObjectMapper();

    /** What Tasklist sends for this form (research: no type for text, numbers and booleans; '' for empty text). */
    static final String TASKLIST_SUBMISSION = """
            {"variables": {
              "reason": {"value": "Second screen for code reviews"},
              "count": {"value": 2},
              "size": {"value": "27"},
              "standingDesk": {"value": true},
              "neededFrom": {"value": "2026-12-14"},
              "notes": {"value": ""}
            }}""";

    @LocalServerPort int port;
    @Autowired FormRequestService formRequests;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void deployAndCreateUsers() {
        TestModels.deployOnce(repositoryService, KEY, "form-request-types/workplace-monitor.bpmn",
                "form-request-types/workplace-monitor-request.form");
        accounts.createIfAbsent(new UserAccount("rosa", "Rosa Smit", "rosa@loket.example", "mark", true,
                Set.of(Roles.EMPLOYEE, Roles.PROCESS_ADMIN)), "secret-for-rosa");
        accounts.createIfAbsent(new UserAccount("otto", "Otto Kerk", "otto@loket.example", null, true,
                Set.of(Roles.PROCESS_ADMIN)), "secret-for-otto");
    }

    @AfterEach
    void endInstancesAndLogout() {
        processes.endAll(KEY);
        TestUsers.logout();
    }

    private Map<String, String> typesOf(String instanceId) {
        Map<String, String> types = new HashMap<>();
        var typed = runtimeService.getVariablesTyped(instanceId);
        typed.keySet().forEach(name -> types.put(name, typed.getValueTyped(name).getType().getName()));
        return types;
    }

    @Test
    void a_group_with_a_path_and_a_dynamic_list_as_tasklist_submits_them_are_stored_as_from_loket() throws Exception {
        TestModels.deployOnce(repositoryService, "workplace-kit", "form-fidelity/workplace-kit.bpmn",
                "form-fidelity/workplace-kit-request.form", "form-fidelity/workplace-kit-review.form");
        users.loginAs("rosa");
        Request inLoket = formRequests.submit("workplace-kit", Map.of(
                "delivery", Map.of("street", "Oudegracht 12", "postcode", "3511 AB", "city", "Utrecht"),
                "items", List.of(Map.of("item", "monitor", "qty", 2), Map.of("item", "headset", "qty", 1)),
                "terms", true), Locale.ENGLISH);
        TestUsers.logout();

        // what Tasklist sends for the same form filled in the same way: every top-level key of form-js's data
        HttpResponse<String> response = post("/engine-rest/process-definition/key/workplace-kit/submit-form", "rosa",
                """
                {"variables": {
                  "delivery": {"value": "{\\"street\\":\\"Oudegracht 12\\",\\"postcode\\":\\"3511 AB\\",\\"city\\":\\"Utrecht\\",\\"from\\":null}", "type": "Json"},
                  "items": {"value": "[{\\"item\\":\\"monitor\\",\\"qty\\":2},{\\"item\\":\\"headset\\",\\"qty\\":1}]", "type": "Json"},
                  "budget": {"value": null},
                  "terms": {"value": true},
                  "itemCount": {"value": 2}
                }}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String instanceId = JSON.readTree(response.body()).path("id").asText();
        assertThat(typesOf(instanceId)).isEqualTo(typesOf(inLoket.processInstanceId()))
                .containsEntry("delivery", "json").containsEntry("items", "json");
        Map<String, Object> outside = new HashMap<>(runtimeService.getVariables(instanceId));
        Map<String, Object> loket = new HashMap<>(runtimeService.getVariables(inLoket.processInstanceId()));
        outside.remove("requestId");
        loket.remove("requestId");
        assertThat(outside.keySet()).isEqualTo(loket.keySet());
        for (String name : loket.keySet()) {
            assertThat(String.valueOf(outside.get(name))).as(name).isEqualTo(String.valueOf(loket.get(name)));
        }
        processes.endAll("workplace-kit");
    }

    @Test
    void a_checklist_as_tasklist_submits_it_is_a_json_variable_like_one_from_loket() throws Exception {
        TestModels.deployDeviceReview(repositoryService);
        users.loginAs("rosa");
        Request inLoket = formRequests.submit("device-review", Map.of("item", "laptop", "days", 2,
                "accessories", List.of("mouse", "bag")), Locale.ENGLISH);
        TestUsers.logout();

        HttpResponse<String> response = post("/engine-rest/process-definition/key/device-review/submit-form", "rosa",
                """
                {"variables": {
                  "item": {"value": "laptop"}, "days": {"value": 2}, "note": {"value": ""},
                  "accessories": {"value": "[\\"mouse\\",\\"bag\\"]", "type": "Json"}
                }}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String instanceId = JSON.readTree(response.body()).path("id").asText();
        assertThat(typesOf(instanceId)).containsEntry("accessories", "json")
                .isEqualTo(typesOf(inLoket.processInstanceId()));
        assertThat(runtimeService.getVariableTyped(instanceId, "accessories").getValue().toString())
                .isEqualTo(runtimeService.getVariableTyped(inLoket.processInstanceId(), "accessories").getValue()
                        .toString());
        processes.endAll("device-review");
    }

    @Test
    void started_from_tasklist_it_is_the_same_request_as_one_started_in_loket() throws Exception {
        users.loginAs("rosa");
        Request inLoket = formRequests.submit(KEY, Map.of("reason", "Second screen for code reviews", "count", 2,
                "size", "27", "standingDesk", true, "neededFrom", "2026-12-14"), Locale.ENGLISH);
        TestUsers.logout();

        HttpResponse<String> response = post(SUBMIT_FORM, "rosa", TASKLIST_SUBMISSION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode started = JSON.readTree(response.body());
        String instanceId = started.path("id").asText();
        Request outside = requests.findByNumber(started.path("businessKey").asText()).orElseThrow();
        assertThat(outside.processInstanceId()).isEqualTo(instanceId);
        assertThat(outside.type()).isEqualTo(KEY);
        assertThat(outside.requester()).isEqualTo("rosa");
        assertThat(outside.status()).isEqualTo(RequestStatus.SUBMITTED);

        // the same step, and the same variables with the same types, apart from requestId: what Tasklist sends
        // (untyped JSON: Integer; dates as text; every field, an empty one as "") is what Loket stores
        assertThat(runtimeService.getActiveActivityIds(instanceId)).containsExactly(APPROVE);
        assertThat(runtimeService.getActiveActivityIds(inLoket.processInstanceId())).containsExactly(APPROVE);
        Map<String, Object> outsideVariables = new HashMap<>(runtimeService.getVariables(instanceId));
        Map<String, Object> loketVariables = new HashMap<>(runtimeService.getVariables(inLoket.processInstanceId()));
        assertThat(outsideVariables.remove("requestId")).isEqualTo(outside.id());
        assertThat(loketVariables.remove("requestId")).isEqualTo(inLoket.id());
        assertThat(outsideVariables).isEqualTo(loketVariables)
                .containsEntry("count", 2).containsEntry("neededFrom", "2026-12-14")
                .containsEntry("requester", "rosa").containsEntry("approver", "mark")
                .containsEntry("notes", "");
        assertThat(typesOf(instanceId)).isEqualTo(typesOf(inLoket.processInstanceId()));

        // Cockpit finds it by the request number, running and in its history; the engine knows who started it
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(outside.number())
                .singleResult().getId()).isEqualTo(instanceId);
        var historic = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(outside.number()).singleResult();
        assertThat(historic.getId()).isEqualTo(instanceId);
        assertThat(historic.getStartUserId()).isEqualTo("rosa");

        users.loginAs("rosa");
        assertThat(requests.myRequests()).extracting(Request::number).contains(inLoket.number(), outside.number());
        assertThat(requests.myRequest(outside.number())).hasValueSatisfying(detail ->
                assertThat(detail.facts()).extracting(RequestFact::labelKey).contains("Why do you need it?", "Size"));
        users.loginAs("mark");
        assertThat(inbox.myTasks()).extracting(task -> task.request().number())
                .contains(inLoket.number(), outside.number());
    }

    @Test
    void tasklist_itself_tells_the_engine_who_starts_it() throws Exception {
        PortalBrowser portal = new PortalBrowser(port);
        portal.logIn("rosa", "secret-for-rosa");
        HttpClient browser = portal.client();
        portal.get("/camunda/app/tasklist/default/");
        String token = portal.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        uri("/camunda/api/engine/engine/default/process-definition/key/" + KEY + "/submit-form"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_SUBMISSION)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Request request = requests.findByNumber(JSON.readTree(response.body()).path("businessKey").asText())
                .orElseThrow();
        assertThat(request.requester()).isEqualTo("rosa");
        assertThat(runtimeService.getVariable(request.processInstanceId(), "approver")).isEqualTo("mark");
    }

    @Test
    void an_invalid_submission_is_refused_with_its_fields_named_and_creates_nothing() throws Exception {
        Counts before = counts();

        // reason missing; a list (Tasklist sends lists as Json) where one option is expected
        HttpResponse<String> response = post(SUBMIT_FORM, "rosa", """
                {"variables": {
                  "count": {"value": 2, "type": "Integer"},
                  "size": {"value": "[\\"27\\"]", "type": "Json"},
                  "standingDesk": {"value": false, "type": "Boolean"}
                }}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("reason: This field is required.")
                .contains("size: Choose one of the options.").doesNotContain("count:");

        // the same through /start, also past the start event and with the model's own listeners skipped
        HttpResponse<String> viaStart = post(START, "rosa", """
                {"variables": {
                  "reason": {"value": "Bigger is better", "type": "String"},
                  "count": {"value": 9, "type": "Integer"},
                  "size": {"value": "27", "type": "String"}
                },
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "Gateway_HowMany"}],
                 "skipCustomListeners": true}""");
        assertThat(viaStart.statusCode()).isEqualTo(400);
        assertThat(viaStart.body()).contains("count: At most 3.");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void someone_outside_the_candidate_starters_is_refused() throws Exception {
        Counts before = counts();

        HttpResponse<String> response = post(SUBMIT_FORM, "otto", TASKLIST_SUBMISSION);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("otto may not start " + KEY);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_start_that_names_a_request_of_its_own_choosing_is_refused() throws Exception {
        users.loginAs("emma");
        Request emmas = formRequests.submit(KEY, Map.of("reason", "Ergonomics", "count", 1, "size", "24"),
                Locale.ENGLISH);
        users.loginAs("rosa");
        Request rosas = formRequests.submit(KEY, Map.of("reason", "Ergonomics", "count", 1, "size", "24"),
                Locale.ENGLISH);
        TestUsers.logout();
        Counts before = counts();

        for (long forged : new long[] {emmas.id(), rosas.id(), 999_999L}) {
            HttpResponse<String> response = post(START, "rosa", """
                    {"variables": {
                      "requestId": {"value": %d, "type": "Long"},
                      "requester": {"value": "rosa", "type": "String"},
                      "approver": {"value": "rosa", "type": "String"},
                      "reason": {"value": "No approval needed", "type": "String"},
                      "count": {"value": 3, "type": "Integer"},
                      "size": {"value": "32", "type": "String"}
                    }}""".formatted(forged));
            assertThat(response.statusCode()).as("requestId " + forged).isEqualTo(403);
            // refused at the door (EngineCallerVariableGuard: Loket's own variables are not the caller's to set);
            // the start listener would refuse the forged requestId as well
            assertThat(response.body()).contains("'requestId' is Loket's own");
        }

        assertThat(counts()).isEqualTo(before);
        assertThat(requests.get(emmas.id()).processInstanceId()).isEqualTo(emmas.processInstanceId());
    }

    @Test
    void a_start_without_a_signed_in_user_is_refused() {
        Counts before = counts();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, Map.of("reason", "By the job executor",
                "count", 1, "size", "24")))
                .hasMessageContaining("as a signed-in user, so that Loket knows who requests it");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_type_with_its_own_start_page_is_not_started_from_engine_rest() throws Exception {
        HttpResponse<String> response = post("/engine-rest/process-definition/key/environment/start", "rosa",
                "{\"variables\": {}}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("is requested on its own page in Loket (environments/new)");
    }

    record Counts(long requests, long instances, long historicInstances) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("select count(*) from service_request").query(Long.class).single(),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count());
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":secret-for-" + user)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
