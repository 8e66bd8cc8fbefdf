package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.support.DemoRoles;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.PortalBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;



/**
 * Access control as a matrix over real HTTP, the part that is not a Vaadin page (those: {@code
 * AccessMatrixBrowserIT}): every engine-rest resource family and the Camunda web apps and their APIs, for
 * anonymous and for a user of each role, with the expected answer.
 */
@LoketIntegrationTest
class AccessMatrixIT {


    private static final Map<String, Set<String>> USERS = DemoRoles.USERS;

    /** One of each resource family of the engine's REST API (GET), as Cockpit, Tasklist and scripts use it. */
    private static final List<String> ENGINE_REST = List.of("/engine", "/process-definition", "/process-instance",
            "/task", "/execution", "/variable-instance", "/job", "/job-definition", "/incident", "/deployment",
            "/decision-definition", "/case-definition", "/batch", "/external-task", "/filter", "/user", "/group",
            "/tenant", "/authorization", "/history/process-instance", "/history/task", "/history/activity-instance",
            "/history/variable-instance", "/history/decision-instance", "/history/user-operation", "/metrics",
            "/telemetry/data", "/version", "/schema/log");

    /** The Camunda web apps' own APIs and pages. */
    private static final List<String> WEBAPP_API = List.of("/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/default/", "/camunda/app/admin/default/", "/camunda/api/admin/auth/user/default",
            "/camunda/api/engine/engine/", "/camunda/api/engine/engine/default/process-definition",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics");

    @LocalServerPort int port;

    @Test
    void engine_rest_and_the_camunda_web_apps_are_for_process_admins_only() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String family : ENGINE_REST) {
            String path = "/engine-rest" + family;
            expect(wrong, path, "anonymous", status(anonymous(), path), 401);
            for (String user : USERS.keySet()) {
                expect(wrong, path, user, status(anonymous(), path, basic(user)),
                        USERS.get(user).contains(Roles.PROCESS_ADMIN) ? 200 : 403);
            }
        }
        for (String path : WEBAPP_API) {
            int anonymous = status(anonymous(), path);
            if (anonymous != 401 && anonymous != 302 && anonymous != 403) {
                wrong.add(path + " for anonymous: " + anonymous);
            }
        }
        for (String user : USERS.keySet()) {
            // one session per user, as a browser has: Cockpit's page signs the portal user in to the web apps
            HttpClient browser = loggedIn(user);
            for (String path : WEBAPP_API) {
                expect(wrong, path, user, status(browser, path),
                        USERS.get(user).contains(Roles.PROCESS_ADMIN) ? 200 : 403);
            }
        }
        assertThat(wrong).as("engine-rest and web-app answers").isEmpty();
    }

    private static void expect(List<String> wrong, String path, String who, int answer, int expected) {
        if (answer != expected) {
            wrong.add(path + " for " + who + ": " + answer + ", expected " + expected);
        }
    }

    private HttpClient anonymous() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpClient loggedIn(String user) throws Exception {
        PortalBrowser browser = new PortalBrowser(port);
        HttpResponse<String> login = browser.logIn(user, "demo");
        assertThat(login.headers().firstValue("Location")).as("login of " + user)
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return browser.client();
    }

    private int status(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String[] basic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
