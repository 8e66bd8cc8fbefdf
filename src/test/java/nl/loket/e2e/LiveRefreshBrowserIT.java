package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxService;
import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.support.Browser;
import nl.loket.support.BrowserTestApplication;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An open page follows what happens elsewhere, without a reload (issue 12, point 3): the approver decides and the
 * job executor works outside this browser's session (here: service calls on the test's thread and rows written
 * into the database, as another node would), and the status, the bell and the inbox's count change on the page
 * within a few seconds. At desktop size and at 390 px; screenshots in target/screenshots/LiveRefreshBrowserIT/.
 */
@BrowserTestApplication
class LiveRefreshBrowserIT {

    /** The page polls every 5 s: a change shows within one interval and a round trip. */
    private static final Duration WITHIN = Duration.ofSeconds(12);

    @LocalServerPort int port;
    @Autowired SoftwareRequests software;
    @Autowired InboxService inbox;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    static void clearScreenshots() {
        Browser.clearScreenshots(LiveRefreshBrowserIT.class);
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, LiveRefreshBrowserIT.class);
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        TestUsers.logout();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_requester_sees_the_approval_and_the_bell_change_on_the_open_page() {
        Request request = software.submitAs("emma", "Adobe Acrobat Pro");
        browser.openAs("/requests/" + request.number(), "emma");
        assertThat(status()).isEqualTo("AWAITING_APPROVAL");
        int unread = unread();
        browser.screenshot("desktop-awaiting-approval");

        users.loginAs("mark");
        inbox.approve(inbox.page(InboxFilter.all(), 0, InboxService.MAX_PAGE).stream()
                .filter(item -> item.request().number().equals(request.number())).findFirst().orElseThrow().taskId());
        TestUsers.logout();

        String url = driver.getCurrentUrl();
        waitUntil(() -> !"AWAITING_APPROVAL".equals(status()));
        waitUntil(() -> unread() > unread);
        assertThat(driver.getCurrentUrl()).as("no reload, no navigation").isEqualTo(url);
        browser.screenshot("desktop-approved-bell-" + unread());

        browser.resize(Browser.PHONE);
        int before = unread();
        jdbc.sql("""
                insert into notification (recipient, request_number, message_key, message_args, created_at)
                values ('emma', ?, ?, '', current_timestamp)""")
                .params(request.number(), NotificationService.FULFILLED).update();
        waitUntil(() -> unread() == before + 1);
        browser.screenshot("phone-bell-" + unread());
    }

    @Test
    void the_approver_sees_a_new_task_counted_in_the_menu_of_the_open_page() {
        browser.openAs("/", "mark");
        int before = inboxCount();
        browser.screenshot("desktop-mark-inbox-" + before);

        software.submitAs("emma", "Adobe Acrobat Pro");

        waitUntil(() -> inboxCount() == before + 1);
        browser.screenshot("desktop-mark-inbox-" + inboxCount());
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WITHIN, Duration.ofMillis(200)).until(d -> condition.getAsBoolean());
    }

    private String status() {
        return driver.findElement(By.id("request-status")).getAttribute("data-status");
    }

    private int unread() {
        Object text = browser.js("var c = document.getElementById('unread-count');"
                + " return c && !c.hidden ? c.textContent : '0';");
        return Integer.parseInt(String.valueOf(text).strip());
    }

    /** The badge next to "Inbox" in the menu (0 when there is none). */
    private int inboxCount() {
        Object text = browser.js("""
                var item = Array.from(document.querySelectorAll('vaadin-side-nav-item'))
                    .find(i => (i.getAttribute('path') || '').replace(/^\\//, '') === 'inbox');
                var badge = item && item.querySelector('[slot=suffix]');
                return badge ? badge.textContent : '0';""");
        return Integer.parseInt(String.valueOf(text).strip());
    }
}
