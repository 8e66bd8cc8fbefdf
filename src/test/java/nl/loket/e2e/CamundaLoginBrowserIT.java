package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import nl.loket.support.Browser;
import nl.loket.support.BrowserTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's own login form is a dead end in Loket (one login, the portal's): its "Log out" ends the portal's
 * session and lands on the portal's login page, and its login route, opened by address in any of the four web
 * apps, goes there too. Without Loket's custom script the web apps would show their own form, whose login the
 * portal's security does not take.
 */
@BrowserTestApplication
class CamundaLoginBrowserIT {

    @LocalServerPort int port;
    @Value("${camunda.bpm.process-engine-name}") String engine;

    private Browser browser;

    @BeforeAll
    static void clearScreenshots() {
        Browser.clearScreenshots(CamundaLoginBrowserIT.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void log_out_in_cockpit_lands_on_the_portals_login_and_camundas_login_route_goes_there_too() {
        browser = new Browser(port, CamundaLoginBrowserIT.class);
        browser.openAs("/", "ada");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

        browser.driver().get(browser.url("/camunda/app/cockpit/" + engine + "/#/dashboard"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account .dropdown-toggle"))).click();
        browser.screenshot("cockpit-account-menu");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account .logout a, .account a[ng-click*=logout]")))
                .click();
        wait.until(ExpectedConditions.urlToBe(browser.url("/login")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        browser.screenshot("after-cockpit-logout");
        browser.driver().get(browser.url("/"));
        wait.until(ExpectedConditions.urlToBe(browser.url("/login")));
        assertThat(browser.driver().findElements(By.id("logout"))).as("the portal's session ended too").isEmpty();

        browser.openAs("/", "ada");
        for (String app : new String[] {"cockpit", "tasklist", "admin", "welcome"}) {
            browser.driver().get(browser.url("/camunda/app/" + app + "/" + engine + "/#/login"));
            wait.until(ExpectedConditions.urlToBe(browser.url("/login")));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]"))))
                    .as(app + ": the portal's login form").isNotNull();
            browser.log("Camunda " + app + "'s login route went to the portal's login");
        }
    }
}
