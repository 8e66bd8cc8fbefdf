package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.loket.inbox.InboxService;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.support.Browser;
import nl.loket.support.BrowserTestApplication;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Markup typed into free-text fields is shown as text to the next person, never run: Emma's justification and
 * comment and Mark's question carry script payloads; Mark opens the task, Emma her request and her notifications.
 * A payload that ran would set {@code window.loketXss} or open an alert; the test looks for both, and for the
 * payload shown as the literal text that was typed.
 */
@BrowserTestApplication
class StoredMarkupBrowserIT {

    private static final String IMAGE = "<img src=x onerror=\"window.loketXss='img';alert('img')\">";
    private static final String SCRIPT = "<script>window.loketXss='script';alert('script')</script>";
    private static final String SVG = "<svg onload=\"window.loketXss='svg'\"></svg>";
    private static final String LINK = "[click](javascript:window.loketXss='link')";

    @LocalServerPort int port;
    @Autowired SoftwareRequests software;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired nl.loket.catalog.PublishingService publishing;
    @Autowired nl.loket.tenant.TenantService tenants;

    private Browser browser;

    @BeforeAll
    static void clearScreenshots() {
        Browser.clearScreenshots(StoredMarkupBrowserIT.class);
    }

    @AfterEach
    void stop() {
        TestUsers.logout();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void markup_in_justifications_comments_and_questions_is_shown_as_text_to_the_next_person() {
        users.loginAs("emma");
        Request request = software.submit(SoftwareRequests.form(software.softwareId("Microsoft Visio"),
                "I need it. " + IMAGE + " " + LINK, false, LocalDate.now().plusMonths(2)));
        requests.comment(request.number(), "Also: " + SCRIPT + " " + SVG);
        String task = jdbc.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single();
        users.loginAs("mark");
        inbox.askRequester(task, "Why? " + IMAGE);
        TestUsers.logout();

        browser = new Browser(port, StoredMarkupBrowserIT.class);
        for (String[] visit : List.of(new String[] {"mark", "/inbox/" + task},
                new String[] {"emma", "/requests/" + request.number()}, new String[] {"emma", "/notifications"})) {
            browser.openAs(visit[1], visit[0]);
            browser.waitForVaadin();
            browser.screenshot(visit[0] + visit[1].replace('/', '-'));
            assertNothingRan(browser.driver(), visit[1]);
            String text = browser.driver().findElement(By.tagName("body")).getText();
            if (!visit[1].equals("/notifications")) {
                assertThat(text).as("the payload shown as the text typed, on " + visit[1]).contains("onerror=");
            }
            browser.logout();
        }
    }

    @Test
    void markup_in_published_form_labels_markdown_and_tenant_names_is_never_run() throws Exception {
        users.loginAs("ada");
        publishing.publish("Markup labels", java.util.Map.of(
                "markup-labels.bpmn", resource("stored-markup/markup-labels.bpmn"),
                "markup-labels-request.form", resource("stored-markup/markup-labels-request.form")));
        tenants.save(new nl.loket.tenant.Tenant("markup", "Team " + IMAGE, "mark", null,
                new java.math.BigDecimal("1000")), List.of("emma"));
        TestUsers.logout();

        browser = new Browser(port, StoredMarkupBrowserIT.class);
        browser.openAs("/request/markup-labels", "emma");
        browser.waitForVaadin();
        browser.screenshot("published-form-with-markup");
        assertNothingRan(browser.driver(), "the published start form");
        String form = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(form).as("labels and descriptions are text").contains("Reason <img src=x onerror=")
                .contains("Why <img src=x onerror=");
        assertThat(form).as("the Markdown's words are shown").contains("Read this", "Plain words, then markup:");
        browser.driver().findElement(By.cssSelector("vaadin-select")).click();
        browser.waitForVaadin();
        assertNothingRan(browser.driver(), "the published form's options");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("option labels are text")
                .contains("Small <img src=x onerror=");

        browser.open("/environments/new");
        browser.driver().findElement(By.cssSelector("vaadin-select, vaadin-combo-box")).click();
        browser.waitForVaadin();
        browser.screenshot("tenant-name-with-markup");
        assertNothingRan(browser.driver(), "ordering an environment");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("the tenant's name is text")
                .contains("Team <img src=x onerror=");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        browser.logout();

        browser.openAs("/environments/tenant", "mark");
        browser.waitForVaadin();
        browser.screenshot("tenant-owner-page");
        assertNothingRan(browser.driver(), "the tenant owner's page");
        browser.logout();
        browser.openAs("/admin/tenants", "ada");
        browser.waitForVaadin();
        assertNothingRan(browser.driver(), "the tenants admin page");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Team <img src=x onerror=");
    }

    private static byte[] resource(String path) throws java.io.IOException {
        try (var in = StoredMarkupBrowserIT.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static void assertNothingRan(WebDriver driver, String page) {
        try {
            String alert = driver.switchTo().alert().getText();
            throw new AssertionError("An alert opened on " + page + ": " + alert);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        Object ran = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.loketXss || null");
        assertThat(ran).as("a payload ran on " + page).isNull();
    }
}
