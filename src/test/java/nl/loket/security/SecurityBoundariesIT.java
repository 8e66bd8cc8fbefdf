package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import nl.loket.support.SoftwareRequests;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.PortalBrowser;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The security boundaries over real HTTP: engine REST, Camunda web apps, actuator, portal, CSRF. */
@LoketIntegrationTest
class SecurityBoundariesIT {

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired TestProcesses processes;
    @Autowired SoftwareRequests softwareRequests;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    // --- engine REST API: never open, process admins only -------------------------------------------------

    @Test
    void engine_rest_without_credentials_is_401_with_a_basic_challenge() throws Exception {
        HttpResponse<String> response = get(anonymous(), "/engine-rest/engine");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void engine_rest_with_a_wrong_password_is_401() throws Exception {
        assertThat(get(anonymous(), "/engine-rest/engine", basic("ada", "wrong")).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emma", "mark", "frank"})
    void engine_rest_is_forbidden_for_everyone_but_process_admins(String user) throws Exception {
        assertThat(get(anonymous(), "/engine-rest/process-definition", basic(user, "demo")).statusCode()).isEqualTo(403);
    }

    @Test
    void engine_rest_answers_process_admins_and_knows_who_they_are() throws Exception {
        HttpResponse<String> response = get(anonymous(), "/engine-rest/process-definition?key=software-access",
                basic("ada", "demo"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"software-access\"");
    }

    // --- Camunda web apps: process admins only, with the portal's login -------------------------------------

    @Test
    void cockpit_sends_anonymous_users_to_the_portal_login() throws Exception {
        HttpResponse<String> response = get(anonymous(), "/camunda/app/cockpit/default/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"emma", "mark", "frank"})
    void cockpit_and_its_api_refuse_users_who_are_not_process_admins(String user) throws Exception {
        HttpClient browser = loggedIn(user);
        assertThat(get(browser, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/camunda/api/engine/engine/").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void ada_opens_cockpit_with_her_portal_login_and_sees_finished_instances() throws Exception {
        Request finished = finishedFreeSoftwareRequest();
        HttpClient browser = loggedIn("ada");
        assertThat(get(browser, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);

        HttpResponse<String> me = get(browser, "/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"ada\"").contains("cockpit");

        HttpResponse<String> history = get(browser, "/camunda/api/engine/engine/default/history/process-instance"
                + "?finished=true&processInstanceBusinessKey=" + finished.number());
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(finished.number()).contains("\"state\":\"COMPLETED\"");
    }

    @Test
    void camunda_webapp_csrf_protection_stays_on() throws Exception {
        HttpClient browser = loggedIn("ada");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-definition/key/software-access/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void logging_out_of_cockpit_ends_the_portal_session_too() throws Exception {
        PortalBrowser cockpit = new PortalBrowser(port);
        HttpClient browser = loggedIn("ada", cockpit);
        assertThat(get(browser, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        String xsrf = cockpit.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("Camunda set no XSRF-TOKEN cookie"));
        String logout = "/camunda/api/admin/auth/user/default/logout";

        assertThat(post(browser, logout).statusCode()).as("without Camunda's CSRF token").isEqualTo(403);
        assertThat(get(browser, "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        assertThat(post(browser, logout, "X-XSRF-TOKEN", xsrf).statusCode()).isEqualTo(200);
        assertThat(get(browser, "/camunda/api/admin/auth/user/default").statusCode()).as("Cockpit's API")
                .isIn(302, 401);
        HttpResponse<String> portal = get(browser, "/");
        assertThat(portal.statusCode()).as("the portal").isEqualTo(302);
        assertThat(portal.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    @Test
    void portal_responses_carry_the_security_headers() throws Exception {
        HttpResponse<String> login = get(anonymous(), "/login");
        assertThat(login.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'",
                        "object-src 'none'", "form-action 'self'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void hsts_is_sent_when_the_request_came_over_tls(@Autowired WebApplicationContext context) throws Exception {
        // a TLS connection (directly, or through a proxy that says so when LOKET_FORWARD_HEADERS is set), without
        // a certificate in the test: the same filter chains, through MockMvc
        MockMvc portal = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (String path : new String[] {"/login", "/engine-rest/engine", "/actuator/health"}) {
            portal.perform(MockMvcRequestBuilders.get(path).secure(true)).andExpect(MockMvcResultMatchers.header()
                    .string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=31536000")));
            portal.perform(MockMvcRequestBuilders.get(path)).andExpect(MockMvcResultMatchers.header()
                    .doesNotExist("Strict-Transport-Security"));
        }
    }

    @Test
    void camundas_web_apps_keep_their_own_content_security_policy() throws Exception {
        HttpResponse<String> cockpit = get(loggedIn("ada"), "/camunda/app/cockpit/default/");
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).as("one policy, Camunda's")
                .singleElement().satisfies(csp -> assertThat(csp).contains("'nonce-")
                        .isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY));
    }

    // --- portal ------------------------------------------------------------------------------------------------

    @Test
    void portal_pages_send_anonymous_users_to_login() throws Exception {
        for (String path : new String[] {"/", "/inbox", "/catalog", "/request/software-access", "/requests/REQ-2026-000001",
                "/absence", "/admin/mail", "/admin/publish", "/notifications"}) {
            HttpResponse<String> response = get(anonymous(), path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        }
    }

    @Test
    void an_address_that_is_no_page_answers_404_and_pages_answer_200() throws Exception {
        HttpClient emma = loggedIn("emma");
        assertThat(get(emma, "/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get(emma, "/catalog/no/such/depth").statusCode()).isEqualTo(404);
        assertThat(get(emma, "/no-such-page").body()).as("still the portal's own page, which says so")
                .contains("<html");
        assertThat(get(emma, "/").statusCode()).isEqualTo(200);
        assertThat(get(emma, "/catalog").statusCode()).isEqualTo(200);
        assertThat(get(emma, "/requests/REQ-2026-999999").statusCode())
                .as("a page whose object does not exist says so itself, as for someone else's").isEqualTo(200);
        assertThat(get(anonymous(), "/login").statusCode()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void path_tricks_are_refused_with_400_and_no_details(CapturedOutput log) throws Exception {
        HttpClient ada = loggedIn("ada");
        for (String path : new String[] {"//camunda/app/cockpit/default/", "/camunda/app/cockpit/default/;x=1",
                "/engine-rest//engine", "/engine-rest/engine;jsessionid=1", "/login;x=1", "/%2e%2e/etc/passwd",
                "/camunda/app/%2e%2e/api/engine/engine/default/task"}) {
            HttpResponse<String> response = get(ada, path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("exception").doesNotContain("Tomcat")
                    .doesNotContain("at org.");
        }
        assertThat(log.getOut()).as("no error in the log for a refused address").doesNotContain(" ERROR ")
                .doesNotContain("RequestRejectedException");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void multipart_posts_where_none_are_taken_answer_4xx_and_log_no_error(CapturedOutput log) throws Exception {
        HttpClient emma = loggedIn("emma");
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<x/>\r\n--b--\r\n";
        for (String path : new String[] {"/", "/catalog", "/requests/REQ-2026-000001", "/no-such-page",
                "/camunda/api/engine/engine/default/deployment/create", "/actuator/health"}) {
            HttpResponse<String> response = emma.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("at org.").doesNotContainIgnoringCase("exception");
        }
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/engine-rest/task"))
                .header("Content-Type", "multipart/form-data; boundary=b").headers(basic("ada", "demo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).as("engine-rest, a resource that takes JSON").isBetween(400, 499);
        assertThat(log.getOut()).as("no error in the log for a refused post").doesNotContain(" ERROR ");
    }

    @Test
    void a_wrong_password_does_not_log_in() throws Exception {
        PortalBrowser browser = new PortalBrowser(port);
        HttpResponse<String> response = browser.logIn("emma", "not-demo");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).contains("/login?error"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void the_login_form_is_checked_for_the_csrf_token_of_its_own_session() throws Exception {
        // another site can post a login form, but cannot read the token of the browser's login page
        PortalBrowser browser = new PortalBrowser(port);
        String foreignToken = PortalBrowser.csrfTokenOf(new PortalBrowser(port).get("/login").body()).orElseThrow();
        browser.get("/login");
        for (String token : new String[] {null, "forged", foreignToken}) {
            HttpResponse<String> refused = browser.postLogin("emma", "demo", token);
            assertThat(refused.statusCode()).as("token " + token).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).as("token " + token)
                    .hasValueSatisfying(v -> assertThat(v).endsWith("/login?expired"));
            assertThat(browser.get("/").statusCode()).as("not logged in with token " + token).isEqualTo(302);
        }
        HttpResponse<String> multipart = browser.client().send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n"
                        + "emma\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\ndemo\r\n--b--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(multipart.headers().firstValue("Location")).as("a multipart login without token")
                .hasValueSatisfying(v -> assertThat(v).endsWith("/login?expired"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);

        assertThat(browser.logIn("emma", "demo").headers().firstValue("Location")).as("with the page's own token")
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("error").doesNotContain("expired"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }


    @Test
    void spring_csrf_protection_stays_on_for_portal_posts() throws Exception {
        HttpClient browser = loggedIn("emma");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    // --- actuator ------------------------------------------------------------------------------------------

    @Test
    void health_is_public_and_shows_only_the_status() throws Exception {
        HttpResponse<String> response = get(anonymous(), "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("the status and the probes' names, no components or details")
                .isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(get(anonymous(), "/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(anonymous(), "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void other_actuator_endpoints_are_for_process_admins_only() throws Exception {
        assertThat(get(anonymous(), "/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(get(anonymous(), "/actuator/metrics", basic("emma", "demo")).statusCode()).isEqualTo(403);
        assertThat(get(anonymous(), "/actuator/metrics", basic("ada", "demo")).statusCode()).isEqualTo(200);
        assertThat(get(anonymous(), "/actuator/env").statusCode()).isEqualTo(401);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Request finishedFreeSoftwareRequest() {
        testUsers.loginAs("emma");
        Request request = softwareRequests.submit(SoftwareRequests.form(softwareRequests.anyFreeSoftware(),
                "Needed for the security test.", false, LocalDate.now().plusDays(30)));
        processes.executeJobs();
        return request;
    }

    private HttpClient anonymous() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpClient loggedIn(String user) throws Exception {
        return loggedIn(user, new PortalBrowser(port));
    }

    private HttpClient loggedIn(String user, PortalBrowser browser) throws Exception {
        HttpResponse<String> response = browser.logIn(user, "demo");
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("login of " + user)
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        return browser.client();
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers)
            throws IOException, InterruptedException {
        return PortalBrowser.get(client, uri(path), headers);
    }

    private HttpResponse<String> post(HttpClient client, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
