package nl.loket.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for tests over plain HTTP: one cookie jar, no redirects followed, and the portal's
 * login form posted as Vaadin's login form posts it (username, password and the CSRF token the login page carries
 * in its {@code _csrf} meta tag).
 */
public final class PortalBrowser {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public PortalBrowser(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpClient client() {
        return client;
    }

    public CookieManager cookies() {
        return cookies;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Opens the login page and posts its form; the answer is the login's redirect (to the portal or {@code ?error}). */
    public HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
        String token = csrfTokenOf(get("/login").body())
                .orElseThrow(() -> new AssertionError("the login page carries no CSRF token"));
        return postLogin(user, password, token);
    }

    /** Posts the login form with the given token (null: without one). */
    public HttpResponse<String> postLogin(String user, String password, String csrfToken)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("username=").append(encode(user)).append("&password=")
                .append(encode(password));
        if (csrfToken != null) {
            form.append("&_csrf=").append(encode(csrfToken));
        }
        return client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return get(client, uri(path), headers);
    }

    /** A GET with any client (headers as name, value, name, value...), the body as text. */
    public static HttpResponse<String> get(HttpClient client, URI uri, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static Optional<String> csrfTokenOf(String page) {
        Matcher matcher = CSRF_META.matcher(page);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
