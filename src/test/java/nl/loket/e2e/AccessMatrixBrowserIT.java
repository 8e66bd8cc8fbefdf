package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.request.Request;
import nl.loket.support.Browser;
import nl.loket.support.DemoRoles;
import nl.loket.support.BrowserTestApplication;
import nl.loket.support.SoftwareRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * Access control of every page as a matrix, in a real browser (a Vaadin page is built after its HTML arrives, so
 * only the browser sees what it became): every {@code @Route} (found by scanning, so a new page is in it) for each
 * demo role, expected from the route's annotation (the rule) and read from the page the portal showed (the
 * enforcement): the page, "No access", or "Page not found" for an object that does not exist. Then the
 * object-level checks: a URL naming someone else's request or task opens "not found", never the object, and the
 * task of one's own request does not open at all.
 */
@BrowserTestApplication
class AccessMatrixBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(AccessMatrixBrowserIT.class);
    private static final String OPEN = "open";
    private static final String DENIED = "denied";
    private static final String NOT_FOUND = "not-found";
    private static final Map<String, Set<String>> USERS = DemoRoles.USERS;

    @LocalServerPort int port;
    @Autowired SoftwareRequests software;
    @Autowired JdbcClient jdbc;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, AccessMatrixBrowserIT.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void every_page_shows_each_role_what_its_annotation_allows() {
        Request emmas = software.submitAs("emma", "LibreOffice");
        List<String> wrong = new ArrayList<>();
        List<String> table = new ArrayList<>();
        Map<Class<?>, StringBuilder> rows = new LinkedHashMap<>();
        for (String user : USERS.keySet()) {
            browser.openAs("/", user);
            for (Class<?> view : routeClasses()) {
                if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                    continue;   // the login page: for everyone, shown before anyone is known
                }
                String path = pathOf(view, emmas);
                String shown = shownAt(path);
                rows.computeIfAbsent(view, v -> new StringBuilder(String.format("%-28s", path)))
                        .append(String.format(" %s %-9s", user, shown));
                String expected = !allowed(view, USERS.get(user)) ? DENIED
                        : path.contains("no-such") || path.endsWith("/999999") ? NOT_FOUND
                        : path.startsWith("/requests/") && !user.equals("emma") ? NOT_FOUND : OPEN;
                if (!shown.equals(expected)) {
                    wrong.add(path + " for " + user + ": " + shown + ", expected " + expected);
                }
            }
            browser.logout();
        }
        rows.values().forEach(row -> table.add(row.toString()));
        log.info("Access matrix, pages:\n{}", String.join("\n", table));
        assertThat(wrong).as("pages shown otherwise than their annotation says").isEmpty();
    }

    @Test
    void a_url_naming_someone_elses_object_shows_not_found_and_ones_own_task_does_not_open() {
        Request emmas = software.submitAs("emma", "Microsoft Visio");
        String marksTask = taskOf(emmas);
        // mark has no manager: his own request goes to the approver group, where he would be a candidate himself
        Request marks = software.submitAs("mark", "Microsoft Visio");
        String taskOfMarksOwnRequest = taskOf(marks);

        browser.openAs("/", "frank");
        assertThat(shownAt("/requests/" + emmas.number())).as("another's request").isEqualTo(NOT_FOUND);
        assertThat(shownAt("/inbox/" + marksTask)).as("a task neither his nor offered to his group")
                .isEqualTo(NOT_FOUND);
        browser.logout();

        browser.openAs("/", "sanne");
        assertThat(shownAt("/inbox/" + taskOfMarksOwnRequest)).as("another approver may").isEqualTo(OPEN);
        browser.logout();

        browser.openAs("/", "mark");
        assertThat(shownAt("/inbox/" + marksTask)).as("his task").isEqualTo(OPEN);
        assertThat(shownAt("/inbox/" + taskOfMarksOwnRequest))
                .as("the task of his own request: not even to look at").isEqualTo(NOT_FOUND);
        assertThat(shownAt("/requests/" + marks.number())).as("his own request").isEqualTo(OPEN);
    }

    /** What the portal showed: the page, "No access" or "Page not found", from the page's h1 once Vaadin is idle. */
    private String shownAt(String path) {
        browser.driver().get(browser.url(path));
        try {
            // every page and every error page has one h1 (AccessibilityBrowserIT holds them to it)
            browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions
                    .presenceOfElementLocated(By.tagName("h1")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // reported below as what it is
        }
        browser.waitForVaadin();
        List<WebElement> headings = browser.driver().findElements(By.tagName("h1"));
        if (headings.isEmpty()) {
            browser.screenshot("no-heading" + path.replace('/', '-'));
            return "no heading: " + browser.driver().getCurrentUrl().replace(browser.url(""), "");
        }
        String title = headings.get(0).getText().strip();
        if (title.equals("No access") || title.equals("Geen toegang")) {
            return DENIED;
        }
        if (title.equals("Page not found") || title.equals("Pagina niet gevonden")) {
            return NOT_FOUND;
        }
        return browser.driver().findElements(By.id("error-page")).isEmpty() ? OPEN : "error: " + title;
    }

    private static String pathOf(Class<?> view, Request request) {
        return "/" + view.getAnnotation(Route.class).value()
                .replace(":number", request.number())
                .replace(":key", "software-access")
                .replace(":taskId", "no-such-task")
                .replaceAll(":id\\(.*\\)", "999999");
    }

    private static boolean allowed(Class<?> view, Set<String> roles) {
        if (view.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed rolesAllowed = view.getAnnotation(RolesAllowed.class);
        return rolesAllowed != null && Arrays.stream(rolesAllowed.value()).anyMatch(roles::contains);
    }

    private static List<Class<?>> routeClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("nl.loket").stream().<Class<?>>map(definition -> {
            try {
                return (Class<?>) Class.forName(definition.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).sorted(Comparator.comparing(Class::getName)).collect(java.util.stream.Collectors.toList());
    }

    private String taskOf(Request request) {
        return jdbc.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single();
    }
}
