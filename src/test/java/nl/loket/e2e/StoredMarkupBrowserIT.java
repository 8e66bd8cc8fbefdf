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
