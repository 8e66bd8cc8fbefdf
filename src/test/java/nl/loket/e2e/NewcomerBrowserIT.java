package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.loket.support.Browser;
import nl.loket.support.BrowserTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newcomer's main paths in a real browser (headless Chromium): Emma asks for IntelliJ IDEA, her manager Mark
 * approves it in his inbox, and the engine's job executor grants it in the background until Emma sees "fulfilled";
 * and Emma configures an environment, orders it and sees it running.
 * Skipped where Chromium or chromedriver is not installed; CI installs both (see .ci/run).
 * Screenshots of each step go to target/screenshots/NewcomerBrowserIT/ for a human to look at.
 */
@BrowserTestApplication
class NewcomerBrowserIT {

    private static final String SOFTWARE = "IntelliJ IDEA Ultimate";
    private static final Pattern REQUEST_URL = Pattern.compile("/requests/(REQ-\\d{4}-\\d{6})$");
    private static final Duration GRANT_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void clearScreenshots() {
        Browser.clearScreenshots(NewcomerBrowserIT.class);
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, NewcomerBrowserIT.class);
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void approved_software_request_is_fulfilled_in_the_browser() {
        try {
            String requestUrl = emmaRequestsIntellij();
            String number = numberIn(requestUrl);

            browser.logout();
            markApprovesInHisInbox(number);

            browser.logout();
            browser.openAs(requestUrl, "emma");
            waitForStatus("FULFILLED", GRANT_TIMEOUT);
            browser.screenshot("emma-request-fulfilled");
            assertThat(status()).as("status of %s %s after approval", number, GRANT_TIMEOUT).isEqualTo("FULFILLED");
            assertThat(driver.findElement(By.id("request-heading")).getText()).contains(number, SOFTWARE);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    @Test
    void an_environment_is_configured_ordered_and_running_in_the_browser() {
        try {
            browser.openAs(("/environments/new"), "emma");
            WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#name input")));
            name.sendKeys("e2e-sandbox");
            // always on, so that it runs whatever day and hour the test runs
            WebElement alwaysOn = driver.findElement(By.cssSelector("#schedule-kind vaadin-radio-button:nth-of-type(2)"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", alwaysOn);
            alwaysOn.click();
            browser.waitForVaadin();
            wait.until(ExpectedConditions.textToBe(By.id("estimate-hours-per-week"), "168 h"));
            browser.screenshot("emma-environment-configured");

            WebElement submit = driver.findElement(By.id("submit"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
            submit.click();
            wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
            waitForStatus("FULFILLED", GRANT_TIMEOUT);
            browser.screenshot("emma-environment-request");
            assertThat(status()).as("the rules approve a development sandbox; the simulated cloud makes it")
                    .isEqualTo("FULFILLED");

            driver.get(browser.url("/environments"));
            WebElement running = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//vaadin-grid[@id='my-environments']/vaadin-grid-cell-content//span[@data-status='RUNNING']")));
            assertThat(running.getText()).isEqualTo("Running");
            assertThat(driver.findElement(By.id("my-environments")).getText()).contains("e2e-sandbox");
            browser.screenshot("emma-environments");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    private String emmaRequestsIntellij() {
        // the newcomer's way in: the catalogue, then the request type's button
        browser.openAs(("/catalog"), "emma");
        WebElement requestButton = wait.until(ExpectedConditions.elementToBeClickable(By.id("request-software-access")));
        // the catalogue is longer than the window: bring the button to the middle before clicking it
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", requestButton);
        wait.until(ExpectedConditions.elementToBeClickable(requestButton)).click();
        wait.until(ExpectedConditions.urlContains("/request/software-access"));
        WebElement softwareInput = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#field-software input")));
        browser.screenshot("emma-empty-form");

        softwareInput.click();
        softwareInput.sendKeys("IntelliJ");
        // Wait until the overlay lists only the match, so that ArrowDown cannot pick an unfiltered item.
        wait.until(d -> {
            List<String> shown = d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
            return !shown.isEmpty() && shown.stream().allMatch(text -> text.contains(SOFTWARE));
        });
        browser.screenshot("emma-software-options");
        softwareInput.sendKeys(Keys.ARROW_DOWN);
        softwareInput.sendKeys(Keys.ENTER);
        wait.until(d -> softwareInput.getAttribute("value").startsWith(SOFTWARE + " ("));
        browser.waitForVaadin();

        WebElement justification = driver.findElement(By.cssSelector("#field-justification textarea"));
        justification.click();
        justification.sendKeys("I build the Loket portal and need a Java IDE.");
        browser.waitForVaadin();
        browser.screenshot("emma-form-filled");

        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
        waitForStatus("AWAITING_APPROVAL");
        browser.screenshot("emma-request-submitted");
        assertThat(status()).isEqualTo("AWAITING_APPROVAL");
        return driver.getCurrentUrl();
    }

    private void markApprovesInHisInbox(String number) {
        browser.openAs(("/inbox"), "mark");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
        WebElement numberCell = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")));
        browser.screenshot("mark-inbox");

        numberCell.click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(number);
        browser.screenshot("mark-task");

        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                approve);
        wait.until(ExpectedConditions.elementToBeClickable(approve)).click();
        // After the decision the app goes back to the inbox, where the request no longer waits.
        wait.until(ExpectedConditions.urlMatches("/inbox$"));
        browser.waitForVaadin();
        browser.screenshot("mark-approved");
        assertThat(driver.findElements(
                By.xpath("//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")))
                .as("approved request is gone from Mark's inbox")
                .allSatisfy(cell -> assertThat(cell.isDisplayed()).isFalse());
    }
    @Test
    void a_request_type_from_camunda_modeler_is_published_filled_in_and_reviewed_in_the_browser() {
        try {
            browser.openAs(("/admin/publish"), "ada");
            driver.findElement(By.cssSelector("#publish-name input")).sendKeys("Home workplace kit");
            WebElement files = driver.findElement(By.id("publish-upload")).getShadowRoot()
                    .findElement(By.cssSelector("input[type=file]"));
            Path models = Paths.get("src/test/resources/form-fidelity").toAbsolutePath();
            files.sendKeys(String.join("\n", models.resolve("workplace-kit.bpmn").toString(),
                    models.resolve("workplace-kit-request.form").toString(),
                    models.resolve("workplace-kit-review.form").toString()));
            wait.until(d -> d.findElements(By.cssSelector("#publish-files li")).size() == 3);
            driver.findElement(By.id("publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-done"), "workplace-kit"));
            browser.screenshot("ada-published");
            browser.logout();

            browser.openAs(("/request/workplace-kit"), "emma");
            driver.findElement(By.cssSelector("#field-street input")).sendKeys("Oudegracht 12");
            driver.findElement(By.cssSelector("#field-postcode input")).sendKeys("3511 AB");
            driver.findElement(By.cssSelector("#field-city input")).sendKeys("Utrecht");
            browser.click(driver.findElement(By.cssSelector(".loket-form-list-add")));
            wait.until(d -> d.findElements(By.cssSelector(".loket-form-list-row")).size() == 2);
            List<WebElement> items = driver.findElements(By.cssSelector(".loket-form-list-row vaadin-select"));
            browser.choose(items.get(0), "Monitor 27\"");
            browser.choose(items.get(1), "Headset");
            List<WebElement> counts = driver.findElements(By.cssSelector(".loket-form-list-row vaadin-big-decimal-field input"));
            counts.get(0).sendKeys("2");
            counts.get(1).sendKeys("1");
            browser.click(driver.findElement(By.cssSelector("#field-terms input")));
            browser.waitForVaadin();
            browser.screenshot("emma-workplace-kit-filled");
            browser.click(driver.findElement(By.id("submit")));
            wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
            waitForStatusBadge();
            String number = numberIn(driver.getCurrentUrl());
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("Item: Monitor 27\", How many: 2", "Item: Headset, How many: 1", "Oudegracht 12");
            browser.screenshot("emma-workplace-kit-submitted");
            browser.logout();

            browser.openAs(("/inbox"), "mark");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")))
                    .click();
            WebElement street = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#field-street input")));
            browser.waitForVaadin();
            assertThat(street.getAttribute("value")).as("the review form opens filled in").isEqualTo("Oudegracht 12");
            assertThat(driver.findElement(By.id("field-street")).getAttribute("readonly")).isNotNull();
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("2 item(s) to Utrecht");
            browser.screenshot("mark-workplace-kit-review");
            browser.click(driver.findElement(By.cssSelector("#field-ship input")));
            browser.click(driver.findElement(By.id("complete")));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            browser.screenshot("mark-workplace-kit-done");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    @Test
    void the_language_chosen_is_kept_on_the_login_page_and_at_every_next_login() {
        try {
            browser.openAs(("/"), "frank");
            assertThat(driver.findElement(By.tagName("body")).getText()).as("the browser's language first")
                    .contains("My requests");
            browser.choose(driver.findElement(By.id("language")), "Nederlands");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Mijn aanvragen"));
            browser.logout();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Gebruikersnaam"));
            browser.screenshot("login-page-remembers-dutch");

            // another browser (no cookie): the login page in the browser's language, the portal in frank's choice
            driver.manage().deleteAllCookies();
            browser.openAs(("/"), "frank");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Mijn aanvragen");
            browser.screenshot("frank-logs-in-again-in-dutch");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    private void waitForStatus(String expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        waitForStatusBadge();
        while (!expected.equals(status()) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(500));
            driver.navigate().refresh();
            browser.waitForVaadin();
            waitForStatusBadge();
        }
    }

    private void waitForStatus(String expected) {
        wait.until(ExpectedConditions.attributeToBe(By.id("request-status"), "data-status", expected));
    }

    private void waitForStatusBadge() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-status")));
    }

    private String status() {
        return driver.findElement(By.id("request-status")).getAttribute("data-status");
    }

    private static String numberIn(String requestUrl) {
        Matcher matcher = REQUEST_URL.matcher(requestUrl);
        assertThat(matcher.find()).as("request URL %s", requestUrl).isTrue();
        return matcher.group(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
