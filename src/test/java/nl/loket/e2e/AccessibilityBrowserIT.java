package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import nl.loket.search.ui.SearchView;
import nl.loket.catalog.ui.CatalogView;
import nl.loket.catalog.ui.PublishView;
import nl.loket.environment.EnvironmentOrder;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentStatus;
import nl.loket.environment.Schedule;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.environment.ui.ConfigureEnvironmentView;
import nl.loket.environment.ui.EnvironmentDetailView;
import nl.loket.environment.ui.EnvironmentsView;
import nl.loket.environment.ui.SustainabilityView;
import nl.loket.environment.ui.TemplatesView;
import nl.loket.environment.ui.TenantEnvironmentsView;
import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.ui.AbsenceView;
import nl.loket.inbox.ui.InboxView;
import nl.loket.inbox.ui.TaskView;
import nl.loket.notification.ui.MailOutboxView;
import nl.loket.notification.ui.NotificationsView;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.ui.MyRequestsView;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.request.ui.StartRequestView;
import nl.loket.security.UserAccountService;
import nl.loket.support.Browser;
import nl.loket.support.BrowserTestApplication;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import nl.loket.tenant.ui.TenantsView;
import nl.loket.ui.AccessDeniedView;
import nl.loket.ui.LoginView;
import nl.loket.ui.MainLayout;
import nl.loket.ui.NotFoundView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.vaadin.flow.router.Route;

/**
 * Every page of Loket in a real browser, as a user who may open it and with data to show: axe-core (WCAG 2.x A and
 * AA plus its best practices) finds nothing at 1280 px in English and at 390 px (a phone) in Dutch; on the phone
 * nothing sticks out to the right and the page's key actions can be seen and tapped. And the keyboard: a skip link
 * first, and focus on the page's heading after each navigation. {@link AccessibilityCoverageTest} makes sure every
 * {@code @Route} is in {@link #PAGES}. Screenshots go to target/screenshots/AccessibilityBrowserIT/.
 */
@BrowserTestApplication
class AccessibilityBrowserIT {

    /** Paid software needs the manager's approval: emma's request waits in mark's inbox. */
    private static final String NEEDS_APPROVAL = "Microsoft Visio";

    /** What the pages of a request, task or environment show: found or made before the test. */
    record Data(String requestNumber, String approvalTaskId, String fulfilmentTaskId, long environmentId) {
    }

    /**
     * A page, the user who opens it (null: signed out), its path and the elements a user must be able to reach
     * and tap on it, on a phone too (CSS selectors); the header's "Log out" is checked on every page.
     */
    record Page(Class<?> view, String user, Function<Data, String> path, Function<Data, List<String>> keyActions,
                List<String> dialogs) {

        Page(Class<?> view, String user, Function<Data, String> path, Function<Data, List<String>> keyActions) {
            this(view, user, path, keyActions, List.of());
        }

        Page(Class<?> view, String user, String path, String... keyActions) {
            this(view, user, data -> path, data -> List.of(keyActions));
        }

        /** The buttons on the page that open a dialog: each dialog is checked too, then closed with Escape. */
        Page withDialogs(String... openers) {
            return new Page(view, user, path, keyActions, List.of(openers));
        }

        /** Pages in Loket's frame (MainLayout) have the header; the login and error pages stand alone. */
        boolean hasHeader() {
            Route route = view.getAnnotation(Route.class);
            return route != null && route.layout() == MainLayout.class;
        }

        String name(Data data) {
            return view.getSimpleName() + " (" + path.apply(data) + ", " + (user == null ? "signed out" : user) + ")";
        }
    }

    /** Every page, grouped by user so that each logs in once per pass. */
    static final List<Page> PAGES = List.of(
            new Page(LoginView.class, null, "/login", "input[name=username]", "vaadin-button[slot=submit]"),
            new Page(MyRequestsView.class, "emma", "/", "#new-request", "#my-requests [data-status]"),
            new Page(CatalogView.class, "emma", "/catalog", "#request-software-access"),
            new Page(SearchView.class, "emma", "/search?q=micro", "#search-query", "#search-results"),
            new Page(StartRequestView.class, "emma", "/request/software-access", "#submit"),
            new Page(RequestDetailView.class, "emma", data -> "/requests/" + data.requestNumber(),
                    data -> List.of("#request-status", "#comment-text", "#comment-send", "#withdraw"))
                    .withDialogs("#withdraw"),
            new Page(NotificationsView.class, "emma", "/notifications"),
            new Page(EnvironmentsView.class, "emma", "/environments"),
            new Page(ConfigureEnvironmentView.class, "emma", "/environments/new", "#submit"),
            new Page(EnvironmentDetailView.class, "emma", data -> "/environments/" + data.environmentId(),
                    data -> List.of("#environment-heading", "#stop-now", "#extend-date", "#ask-longer")),
            new Page(TenantEnvironmentsView.class, "emma", "/environments/tenant"),
            new Page(SustainabilityView.class, "emma", "/sustainability"),
            new Page(NotFoundView.class, "emma", "/no-such-page"),
            new Page(AccessDeniedView.class, "emma", "/admin/mail"),
            new Page(InboxView.class, "mark", data -> "/inbox",
                    data -> List.of("#inbox vaadin-button[id$='-" + data.requestNumber() + "']")),
            new Page(TaskView.class, "mark", data -> "/inbox/" + data.approvalTaskId(),
                    data -> List.of("#approve", "#reject", "#comment-text", "#comment-send"))
                    .withDialogs("#reject"),
            new Page(AbsenceView.class, "mark", "/absence"),
            new Page(TaskView.class, "frank", data -> "/inbox/" + data.fulfilmentTaskId(),
                    data -> List.of("#complete", "#hand-over")).withDialogs("#hand-over"),
            new Page(PublishView.class, "ada", "/admin/publish", "#publish"),
            new Page(TemplatesView.class, "ada", "/admin/templates", "#new-template").withDialogs("#new-template"),
            new Page(TenantsView.class, "ada", "/admin/tenants", "#new-tenant").withDialogs("#new-tenant"),
            new Page(MailOutboxView.class, "ada", "/admin/mail"));

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;
    @Autowired
    SoftwareRequests softwareRequests;
    @Autowired
    RequestService requests;
    @Autowired
    InboxService inbox;
    @Autowired
    EnvironmentService environments;
    @Autowired
    UserAccountService accounts;

    private Browser browser;
    private Data data;

    @BeforeAll
    static void clearScreenshots() {
        Browser.clearScreenshots(AccessibilityBrowserIT.class);
    }

    @BeforeEach
    void startBrowserWithData() {
        data = data();
        browser = new Browser(port, AccessibilityBrowserIT.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void every_page_passes_axe_core_on_a_desktop_in_english_and_on_a_phone_in_dutch() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        pass(Browser.DESKTOP, Locale.ENGLISH, problems);
        pass(Browser.PHONE, Locale.forLanguageTag("nl"), problems);

        StringBuilder report = new StringBuilder();
        problems.forEach((page, lines) -> report.append('\n').append(page).append('\n')
                .append(String.join("\n", lines)));
        assertThat(problems).as("accessibility problems:%s", report).isEmpty();
    }

    @Test
    void the_keyboard_meets_a_skip_link_first_and_lands_on_the_heading_after_navigating() {
        accounts.changeLanguage("emma", Locale.ENGLISH);
        browser.openAs("/", "emma");
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.focused();
        assertThat(first.getAttribute("id")).as("the first Tab stop").isEqualTo("skip-to-content");
        assertThat(first.isDisplayed()).as("the skip link shows when it has focus").isTrue();

        first.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
        assertThat(browser.js("return document.activeElement.closest('main') !== null"))
                .as("after the skip link the focus is in the main content, not the header or menu").isEqualTo(true);

        WebElement catalog = browser.driver().findElement(By.cssSelector("vaadin-side-nav-item[path='catalog']"));
        browser.click(catalog);
        browser.waitForVaadin();
        browser.waiting().until(ExpectedConditions.urlContains("/catalog"));
        browser.waiting().until(d -> "H1".equals(browser.focused().getTagName().toUpperCase(Locale.ROOT)));
        assertThat(browser.focused().getText()).as("focus after navigating").isEqualTo("What do you need?");
    }

    private void pass(Dimension size, Locale language, Map<String, List<String>> problems) {
        browser.resize(size);
        String user = null;
        for (int i = 0; i < PAGES.size(); i++) {
            Page page = PAGES.get(i);
            if (i == 0 || !Objects.equals(user, page.user())) {
                if (user != null) {
                    browser.logout();
                }
                user = page.user();
                if (user == null) {
                    chooseLanguageOnLogin(language);
                } else {
                    accounts.changeLanguage(user, language);
                    browser.openAs(page.path().apply(data), user);
                }
            }
            browser.open(page.path().apply(data));
            List<String> found = check(page, size, language);
            String shot = page.view().getSimpleName() + "-" + language.getLanguage() + "-" + size.width;
            browser.screenshot(shot);
            report(problems, page.name(data), size, language, shot, found);
            for (String opener : page.dialogs()) {
                String dialogShot = shot + "-dialog" + opener.replace('#', '-');
                report(problems, page.name(data) + ", dialog of " + opener, size, language, dialogShot,
                        checkDialog(opener, size, dialogShot));
            }
        }
        if (user != null) {
            browser.logout();
        }
    }

    private void report(Map<String, List<String>> problems, String what, Dimension size, Locale language,
                        String shot, List<String> found) {
        if (!found.isEmpty()) {
            browser.log(String.join("\n", found));
            problems.put(what + " at " + size.width + " px in " + language.getDisplayLanguage(Locale.ENGLISH)
                    + " (screenshot " + shot + ")", found);
        }
    }

    /** Opens the dialog, checks it with axe-core and, on a phone, that it fits the screen; closes it with Escape. */
    private List<String> checkDialog(String opener, Dimension size, String shot) {
        browser.click(browser.driver().findElement(By.cssSelector(opener)));
        // once its opening animation is over: axe-core would measure the colours of a dialog still fading in
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-dialog-overlay[opened]:not([opening])")));
        browser.waitForVaadin();
        List<String> found = new ArrayList<>(browser.accessibilityViolations());
        if (size.width <= Browser.PHONE.width) {
            Object why = browser.js("""
                    var overlay = document.querySelector('vaadin-dialog-overlay[opened]');
                    var box = overlay.shadowRoot.querySelector('[part=overlay]');
                    var r = box.getBoundingClientRect();
                    if (r.left < 0 || r.right > window.innerWidth + 0.5) {
                      return 'the dialog is ' + Math.round(r.width) + ' px wide, wider than the window ('
                          + window.innerWidth + ' px)';
                    }
                    var content = overlay.shadowRoot.querySelector('[part=content]') || box;
                    return content.scrollWidth > content.clientWidth + 1
                        ? 'the dialog scrolls sideways (' + content.scrollWidth + ' px in ' + content.clientWidth + ')'
                        : '';
                    """);
            if (why != null && !why.toString().isEmpty()) {
                found.add(opener + ": " + why);
            }
        }
        browser.screenshot(shot);
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
        return found;
    }

    /** The login page in that language, as a new visitor chooses it with the page's language switcher. */
    private void chooseLanguageOnLogin(Locale language) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        String label = language.getLanguage().equals("nl") ? "Nederlands" : "English";
        if (!language.getLanguage().equals(browser.js("return document.documentElement.lang"))) {
            browser.choose(browser.driver().findElement(By.id("language")), label);
        }
        // choosing another language reloads the page
        browser.waiting().until(d -> language.getLanguage().equals(browser.js("return document.documentElement.lang")));
    }

    private List<String> check(Page page, Dimension size, Locale language) {
        List<String> found = new ArrayList<>(browser.accessibilityViolations());
        Object lang = browser.js("return document.documentElement.lang");
        if (!language.getLanguage().equals(lang)) {
            found.add("the page says it is in '" + lang + "', but it is shown in " + language.getDisplayLanguage(Locale.ENGLISH));
        }
        if (size.width <= Browser.PHONE.width) {
            long overflow = browser.horizontalOverflow();
            if (overflow > 0) {
                found.add("the page is " + overflow + " px wider than the window: it scrolls sideways");
            }
            List<String> actions = new ArrayList<>(page.keyActions().apply(data));
            if (page.hasHeader()) {
                actions.add("#logout");
            }
            actions.forEach(selector -> reachable(selector).ifPresent(found::add));
        }
        return found;
    }

    /** Why the first element matching the selector cannot be seen and tapped, once scrolled to; empty if it can. */
    private java.util.Optional<String> reachable(String selector) {
        List<WebElement> elements = browser.driver().findElements(By.cssSelector(selector));
        if (elements.isEmpty()) {
            return java.util.Optional.of(selector + ": not on the page");
        }
        WebElement element = elements.get(0);
        Object why = browser.js("""
                var e = arguments[0];
                e.scrollIntoView({block: 'center', inline: 'nearest'});
                var r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) { return 'not shown'; }
                if (r.left < 0 || r.right > window.innerWidth + 0.5) {
                  return 'outside the window (' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px of '
                      + window.innerWidth + ')';
                }
                var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                var inside = hit && (e === hit || e.contains(hit) || hit.contains(e)
                    || (hit.getRootNode && hit.getRootNode().host === e));
                return inside ? '' : 'covered by ' + (hit ? hit.outerHTML.substring(0, 120) : 'nothing');
                """, element);
        return why == null || why.toString().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(selector + ": " + why);
    }

    /** Emma's request waiting for mark, frank's fulfilment task (the demo's QGIS request) and emma's running environment. */
    private Data data() {
        Request request = waitingForMark();
        users.loginAs("frank");
        String fulfilmentTask;
        try {
            fulfilmentTask = inbox.myTasks().stream().findFirst().map(InboxItem::taskId)
                    .orElseThrow(() -> new AssertionError("frank has no task: the demo data should give him one"));
        } finally {
            TestUsers.logout();
        }
        long environment = runningEnvironmentOfEmma();
        users.loginAs("mark");
        try {
            String approvalTask = inbox.myTasks().stream()
                    .filter(item -> item.request().number().equals(request.number())).findFirst()
                    .map(InboxItem::taskId).orElseThrow();
            return new Data(request.number(), approvalTask, fulfilmentTask, environment);
        } finally {
            TestUsers.logout();
        }
    }

    /**
     * One of emma's environments that runs (its page then has all its controls: schedule, lease, start and stop),
     * ordered now if she has none; the job executor and the quick simulated cloud make it within seconds.
     */
    private long runningEnvironmentOfEmma() {
        users.loginAs("emma");
        try {
            java.util.Optional<Long> running = runningOfEmma();
            if (running.isPresent()) {
                return running.get();
            }
            environments.order(new EnvironmentOrder("utrecht", "database-sandbox", "a11y-sandbox", Stage.DEVELOPMENT,
                    Size.SMALL, false, false, Schedule.alwaysOn(), LocalDate.now().plusDays(20)));
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            while (java.time.Instant.now().isBefore(deadline)) {
                running = runningOfEmma();
                if (running.isPresent()) {
                    return running.get();
                }
                Thread.sleep(500);
            }
            throw new AssertionError("emma's environment did not run within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            TestUsers.logout();
        }
    }

    private java.util.Optional<Long> runningOfEmma() {
        return environments.mine().stream().filter(view -> view.shownStatus() == EnvironmentStatus.RUNNING)
                .map(view -> view.environment().id()).findFirst();
    }

    private Request waitingForMark() {
        users.loginAs("emma");
        try {
            return requests.myRequests().stream()
                    .filter(r -> r.summary().equals(NEEDS_APPROVAL) && !r.status().isClosed()).findFirst()
                    .orElseGet(() -> softwareRequests.submit(NEEDS_APPROVAL, false));
        } finally {
            TestUsers.logout();
        }
    }
}
