package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login over real HTTP, as an attacker guessing passwords tries it: the portal's login form and HTTP Basic on
 * engine-rest, both throttled with the default limits (10 per account, 50 per address, 15 minutes); unknown users
 * answered as wrong passwords. All requests come from one address (this machine), so every test forgets the counts
 * it made, for the other tests in this context.
 */
@LoketIntegrationTest
class LoginLockoutIT {

    private static final String PASSWORD = "right-password-for-lockout";
    private static final int ACCOUNT_LIMIT = 10;
    private static final int ADDRESS_LIMIT = 50;

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @BeforeEach
    void accounts() {
        accounts.createIfAbsent(new UserAccount("lena", "Lena de Wit", "lena@loket.example", null, true,
                Set.of(Roles.EMPLOYEE)), PASSWORD);
        accounts.createIfAbsent(new UserAccount("ruben", "Ruben Smit", "ruben@loket.example", null, true,
                Set.of(Roles.EMPLOYEE, Roles.PROCESS_ADMIN)), PASSWORD);
        forgetFailedLogins();
    }

    @AfterEach
    void forgetFailedLogins() {
        EngineTime.reset();
        jdbc.sql("delete from login_throttle").update();
    }

    // --- portal login form --------------------------------------------------------------------------------

    @Test
    void after_ten_wrong_passwords_the_right_one_is_refused_too() throws Exception {
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            assertThat(loginRedirect(browser(), "lena", "guess-" + i)).as("guess " + i).endsWith("/login?error");
        }
        HttpClient owner = browser();
        assertThat(loginRedirect(owner, "lena", PASSWORD)).endsWith("/login?error");
        assertThat(get(owner, "/").statusCode()).as("not logged in").isEqualTo(302);
        assertThat(loginRedirect(browser(), "ruben", PASSWORD)).as("another account from the same address")
                .doesNotContain("error");
    }

    @Test
    void the_lock_ends_after_fifteen_minutes() throws Exception {
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            loginRedirect(browser(), "lena", "guess-" + i);
        }
        EngineTime.set(clock.instant().plusSeconds(14 * 60));
        assertThat(loginRedirect(browser(), "lena", PASSWORD)).as("after 14 minutes").endsWith("/login?error");

        EngineTime.set(clock.instant().plusSeconds(60));
        HttpClient owner = browser();
        assertThat(loginRedirect(owner, "lena", PASSWORD)).as("after 15 minutes").doesNotContain("error");
        assertThat(get(owner, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void a_successful_login_forgets_earlier_failures() throws Exception {
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            loginRedirect(browser(), "lena", "guess-" + i);
        }
        assertThat(loginRedirect(browser(), "lena", PASSWORD)).doesNotContain("error");
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            loginRedirect(browser(), "lena", "guess-" + i);
        }
        assertThat(loginRedirect(browser(), "lena", PASSWORD)).doesNotContain("error");
    }

    @Test
    void one_address_trying_many_accounts_is_refused_for_every_account() throws Exception {
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            loginRedirect(browser(), "nobody-" + i, "guess");
        }
        assertThat(loginRedirect(browser(), "ruben", PASSWORD)).endsWith("/login?error");
        assertThat(get(anonymous(), "/engine-rest/engine", basic("ruben", PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_user_is_answered_like_a_wrong_password() throws Exception {
        HttpResponse<String> wrongPassword = postLogin(browser(), "lena", "guess");
        HttpResponse<String> unknownUser = postLogin(browser(), "no-such-user", "guess");

        assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(unknownUser.headers().firstValue("Location")).isEqualTo(wrongPassword.headers().firstValue("Location"));
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());

        HttpResponse<String> restWrongPassword = get(anonymous(), "/engine-rest/engine", basic("ruben", "guess"));
        HttpResponse<String> restUnknownUser = get(anonymous(), "/engine-rest/engine", basic("no-such-user", "guess"));
        assertThat(restUnknownUser.statusCode()).isEqualTo(restWrongPassword.statusCode()).isEqualTo(401);
        assertThat(restUnknownUser.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(restWrongPassword.headers().firstValue("WWW-Authenticate"));
        assertThat(withoutTimestamp(restUnknownUser.body())).isEqualTo(withoutTimestamp(restWrongPassword.body()));
    }

    // --- HTTP Basic on engine-rest ------------------------------------------------------------------------

    @Test
    void engine_rest_refuses_the_right_password_after_ten_wrong_ones() throws Exception {
        assertThat(get(anonymous(), "/engine-rest/engine", basic("ruben", PASSWORD)).statusCode()).isEqualTo(200);
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            assertThat(get(anonymous(), "/engine-rest/engine", basic("ruben", "guess-" + i)).statusCode())
                    .isEqualTo(401);
        }
        assertThat(get(anonymous(), "/engine-rest/engine", basic("ruben", PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(loginRedirect(browser(), "ruben", PASSWORD)).as("and the portal, for the same account")
                .endsWith("/login?error");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static String withoutTimestamp(String errorBody) {
        return errorBody.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private String loginRedirect(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> response = postLogin(browser, user, password);
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> postLogin(HttpClient browser, String user, String password) throws Exception {
        return post(browser, "/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient browser() {
        return browser(new CookieManager());
    }

    private HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpClient anonymous() {
        return browser();
    }

    private static String[] basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
