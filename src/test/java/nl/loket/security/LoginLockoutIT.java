package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.loket.support.EngineTime;
import nl.loket.support.PortalBrowser;
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
 * answered as wrong passwords; the session id renewed at login; the session cookie's attributes; and the portal's
 * logout ending the session Camunda's web apps use too. All requests come from one address (this machine), so every
 * test forgets the counts it made, for the other tests in this context.
 */
@LoketIntegrationTest
class LoginLockoutIT {

    private static final String PASSWORD = "right-password-for-lockout";
    private static final int ACCOUNT_LIMIT = 10;
    private static final int ADDRESS_LIMIT = 50;
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

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

    // --- session ------------------------------------------------------------------------------------------

    @Test
    void logging_in_gives_the_browser_a_new_session_id() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = browser(cookies);
        loginRedirect(browser, "lena", "guess");
        String before = sessionId(cookies).orElseThrow(() -> new AssertionError("no session before login"));

        assertThat(loginRedirect(browser, "lena", PASSWORD)).doesNotContain("error");
        String after = sessionId(cookies).orElseThrow();

        assertThat(after).isNotEqualTo(before);
        assertThat(get(withSession(before), "/").statusCode()).as("the old id is not logged in").isEqualTo(302);
        assertThat(get(withSession(after), "/").statusCode()).isEqualTo(200);
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_secure_only_when_configured() throws Exception {
        HttpResponse<String> login = postLogin(browser(), "lena", PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie at login"));

        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .as("Secure is off by default (plain http); LOKET_SESSION_COOKIE_SECURE turns it on")
                .doesNotContain("Secure");
    }

    @Test
    void logging_out_of_the_portal_ends_the_camunda_web_apps_session_too() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = browser(cookies);
        assertThat(loginRedirect(browser, "ruben", PASSWORD)).doesNotContain("error");
        assertThat(get(browser, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> cockpitUser = get(browser, "/camunda/api/admin/auth/user/default");
        assertThat(cockpitUser.statusCode()).isEqualTo(200);
        assertThat(cockpitUser.body()).contains("\"userId\":\"ruben\"");

        HttpResponse<String> logout = post(browser, "/logout", "_csrf=" + csrfToken(browser));
        assertThat(logout.statusCode()).isEqualTo(302);

        HttpResponse<String> afterwards = get(browser, "/camunda/api/admin/auth/user/default");
        assertThat(afterwards.statusCode()).isNotEqualTo(200);
        assertThat(afterwards.body()).doesNotContain("ruben");
        assertThat(get(browser, "/").statusCode()).as("nor the portal").isEqualTo(302);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** The CSRF token the portal's page carries for its own posts. */
    private String csrfToken(HttpClient browser) throws Exception {
        String page = get(browser, "/").body();
        Matcher token = CSRF_META.matcher(page);
        assertThat(token.find()).as("a CSRF token in the portal page").isTrue();
        return token.group(1);
    }

    private static String withoutTimestamp(String errorBody) {
        return errorBody.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private static Optional<String> sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpClient withSession(String sessionId) {
        CookieManager cookies = new CookieManager();
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
        return browser(cookies);
    }

    private String loginRedirect(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> response = postLogin(browser, user, password);
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** As the login form posts: with the CSRF token of the login page, opened first in the same browser. */
    private HttpResponse<String> postLogin(HttpClient browser, String user, String password) throws Exception {
        String token = PortalBrowser.csrfTokenOf(get(browser, "/login").body())
                .orElseThrow(() -> new AssertionError("no CSRF token on the login page"));
        return post(browser, "/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers)
            throws IOException, InterruptedException {
        return PortalBrowser.get(client, uri(path), headers);
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
