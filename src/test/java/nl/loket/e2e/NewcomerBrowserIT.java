package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newcomer's main paths in a real browser (headless Chromium): Emma asks for IntelliJ IDEA, her manager Mark
 * approves it in his inbox, and the engine's job executor grants it in the background until Emma sees "fulfilled";
 * and Emma configures an environment, orders it and sees it running.
 * Skipped where Chromium or chromedriver is not installed; CI installs both (see .ci/run).
 * Screenshots of each step go to target/screenshots/ for a human to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
        "loket.demo-data.enabled=true",
        // The grant after approval is an async job: let the real job executor run it, as in production.
        "camunda.bpm.job-execution.enabled=true",
        // No dev-tools popup over the page: it covers content in screenshots and could catch clicks.
        "vaadin.devmode.devTools.enabled=false",
        // Camunda's REST API and web apps find engines in a JVM-wide registry, by name: an engine called "default"
        // here would take that name over from the other test contexts in this JVM.
        "camunda.bpm.process-engine-name=e2e",
        // the simulated cloud is quick here, so the environment runs within the test's patience
        "loket.environments.simulated.delay=PT1S",
        "loket.environments.provider-poll=PT1S"
})
// No @DirtiesContext: closing a context with Camunda's web apps while other contexts live on in the same JVM
// broke their Cockpit (HTTP 500 in SecurityBoundariesIT). The idle job executor costs nothing until the JVM exits.
@EnabledIf(value = "chromiumInstalled", disabledReason = NewcomerBrowserIT.NO_CHROMIUM)
class NewcomerBrowserIT {

    static final String NO_CHROMIUM = "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install -y chromium chromium-driver; CI installs them in .ci/run)";

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final String SOFTWARE = "IntelliJ IDEA Ultimate";
    private static final Pattern REQUEST_URL = Pattern.compile("/requests/(REQ-\\d{4}-\\d{6})$");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRANT_TIMEOUT = Duration.ofSeconds(30);

    /** True while a Vaadin client still waits for the server (the check Vaadin TestBench uses). */
    private static final String VAADIN_IDLE = """
            if (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) {
              var clients = window.Vaadin.Flow.clients;
              for (var client in clients) {
                if (clients[client].isActive && clients[client].isActive()) { return false; }
              }
              return true;
            }
            return document.readyState === 'complete';
            """;

    @LocalServerPort
    int port;

    private Path profileDir;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;
    /** Numbered across the tests of a run, so that one test's screenshots do not overwrite another's. */
    private static int shot;
    private Instant started;

    /**
     * Whether the browser is installed, else the class is reported as skipped with {@link #NO_CHROMIUM} as the
     * reason, before Spring starts the application. (An assumption in {@code @BeforeAll} would skip it too, but
     * failsafe then reports no test and no reason at all; in {@code @BeforeEach} it would first boot the application.)
     */
    static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.err.println(NO_CHROMIUM);
        }
        return installed;
    }

    /** Screenshots of an earlier run (say, of a failure) must not be mistaken for this run's. */
    @BeforeAll
    static void clearScreenshots() {
        deleteRecursively(SCREENSHOTS);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        started = Instant.now();
        profileDir = Files.createTempDirectory("loket-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // A fixed driver and binary keep Selenium Manager from downloading anything.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, STEP_TIMEOUT, Duration.ofMillis(100));
        // Vaadin re-renders elements (combo-box items, grid cells) under our feet: look them up again.
        wait.ignoring(StaleElementReferenceException.class);
        log("browser started");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profileDir);
        }
    }

    @Test
    void approved_software_request_is_fulfilled_in_the_browser() {
        try {
            String requestUrl = emmaRequestsIntellij();
            String number = numberIn(requestUrl);

            logout();
            markApprovesInHisInbox(number);

            logout();
            openAs(requestUrl, "emma");
            waitForStatus("FULFILLED", GRANT_TIMEOUT);
            screenshot("emma-request-fulfilled");
            assertThat(status()).as("status of %s %s after approval", number, GRANT_TIMEOUT).isEqualTo("FULFILLED");
            assertThat(driver.findElement(By.id("request-heading")).getText()).contains(number, SOFTWARE);
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            throw e;
        }
    }

    @Test
    void an_environment_is_configured_ordered_and_running_in_the_browser() {
        try {
            openAs(url("/environments/new"), "emma");
            WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#name input")));
            name.sendKeys("e2e-sandbox");
            // always on, so that it runs whatever day and hour the test runs
            WebElement alwaysOn = driver.findElement(By.cssSelector("#schedule-kind vaadin-radio-button:nth-of-type(2)"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", alwaysOn);
            alwaysOn.click();
            waitForVaadin();
            wait.until(ExpectedConditions.textToBe(By.id("estimate-hours-per-week"), "168 h"));
            screenshot("emma-environment-configured");

            WebElement submit = driver.findElement(By.id("submit"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
            submit.click();
            wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
            waitForStatus("FULFILLED", GRANT_TIMEOUT);
            screenshot("emma-environment-request");
            assertThat(status()).as("the rules approve a development sandbox; the simulated cloud makes it")
                    .isEqualTo("FULFILLED");

            driver.get(url("/environments"));
            WebElement running = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//vaadin-grid[@id='my-environments']/vaadin-grid-cell-content//span[@data-status='RUNNING']")));
            assertThat(running.getText()).isEqualTo("Running");
            assertThat(driver.findElement(By.id("my-environments")).getText()).contains("e2e-sandbox");
            screenshot("emma-environments");
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            throw e;
        }
    }

    private String emmaRequestsIntellij() {
        // the newcomer's way in: the catalogue, then the request type's button
        openAs(url("/catalog"), "emma");
        WebElement requestButton = wait.until(ExpectedConditions.elementToBeClickable(By.id("request-software-access")));
        // the catalogue is longer than the window: bring the button to the middle before clicking it
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", requestButton);
        wait.until(ExpectedConditions.elementToBeClickable(requestButton)).click();
        wait.until(ExpectedConditions.urlContains("/request/software-access"));
        WebElement softwareInput = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#field-software input")));
        screenshot("emma-empty-form");

        softwareInput.click();
        softwareInput.sendKeys("IntelliJ");
        // Wait until the overlay lists only the match, so that ArrowDown cannot pick an unfiltered item.
        wait.until(d -> {
            List<String> shown = d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
            return !shown.isEmpty() && shown.stream().allMatch(text -> text.contains(SOFTWARE));
        });
        screenshot("emma-software-options");
        softwareInput.sendKeys(Keys.ARROW_DOWN);
        softwareInput.sendKeys(Keys.ENTER);
        wait.until(d -> softwareInput.getAttribute("value").startsWith(SOFTWARE + " ("));
        waitForVaadin();

        WebElement justification = driver.findElement(By.cssSelector("#field-justification textarea"));
        justification.click();
        justification.sendKeys("I build the Loket portal and need a Java IDE.");
        waitForVaadin();
        screenshot("emma-form-filled");

        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
        waitForStatus("AWAITING_APPROVAL");
        screenshot("emma-request-submitted");
        assertThat(status()).isEqualTo("AWAITING_APPROVAL");
        return driver.getCurrentUrl();
    }

    private void markApprovesInHisInbox(String number) {
        openAs(url("/inbox"), "mark");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
        WebElement numberCell = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")));
        screenshot("mark-inbox");

        numberCell.click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(number);
        screenshot("mark-task");

        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                approve);
        wait.until(ExpectedConditions.elementToBeClickable(approve)).click();
        // After the decision the app goes back to the inbox, where the request no longer waits.
        wait.until(ExpectedConditions.urlMatches("/inbox$"));
        waitForVaadin();
        screenshot("mark-approved");
        assertThat(driver.findElements(
                By.xpath("//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")))
                .as("approved request is gone from Mark's inbox")
                .allSatisfy(cell -> assertThat(cell.isDisplayed()).isFalse());
    }
    @Test
    void a_request_type_from_camunda_modeler_is_published_filled_in_and_reviewed_in_the_browser() {
        try {
            openAs(url("/admin/publish"), "ada");
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
            screenshot("ada-published");
            logout();

            openAs(url("/request/workplace-kit"), "emma");
            driver.findElement(By.cssSelector("#field-street input")).sendKeys("Oudegracht 12");
            driver.findElement(By.cssSelector("#field-postcode input")).sendKeys("3511 AB");
            driver.findElement(By.cssSelector("#field-city input")).sendKeys("Utrecht");
            click(driver.findElement(By.cssSelector(".loket-form-list-add")));
            wait.until(d -> d.findElements(By.cssSelector(".loket-form-list-row")).size() == 2);
            List<WebElement> items = driver.findElements(By.cssSelector(".loket-form-list-row vaadin-select"));
            choose(items.get(0), "Monitor 27\"");
            choose(items.get(1), "Headset");
            List<WebElement> counts = driver.findElements(By.cssSelector(".loket-form-list-row vaadin-big-decimal-field input"));
            counts.get(0).sendKeys("2");
            counts.get(1).sendKeys("1");
            click(driver.findElement(By.cssSelector("#field-terms input")));
            waitForVaadin();
            screenshot("emma-workplace-kit-filled");
            click(driver.findElement(By.id("submit")));
            wait.until(ExpectedConditions.urlMatches(REQUEST_URL.pattern()));
            waitForStatusBadge();
            String number = numberIn(driver.getCurrentUrl());
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("Item: Monitor 27\", How many: 2", "Item: Headset, How many: 1", "Oudegracht 12");
            screenshot("emma-workplace-kit-submitted");
            logout();

            openAs(url("/inbox"), "mark");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-grid[@id='inbox']/vaadin-grid-cell-content[.//div[normalize-space(.)='" + number + "']]")))
                    .click();
            WebElement street = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#field-street input")));
            waitForVaadin();
            assertThat(street.getAttribute("value")).as("the review form opens filled in").isEqualTo("Oudegracht 12");
            assertThat(driver.findElement(By.id("field-street")).getAttribute("readonly")).isNotNull();
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("2 item(s) to Utrecht");
            screenshot("mark-workplace-kit-review");
            click(driver.findElement(By.cssSelector("#field-ship input")));
            click(driver.findElement(By.id("complete")));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            screenshot("mark-workplace-kit-done");
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            throw e;
        }
    }

    @Test
    void the_language_chosen_is_kept_on_the_login_page_and_at_every_next_login() {
        try {
            openAs(url("/"), "frank");
            assertThat(driver.findElement(By.tagName("body")).getText()).as("the browser's language first")
                    .contains("My requests");
            choose(driver.findElement(By.id("language")), "Nederlands");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Mijn aanvragen"));
            logout();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Gebruikersnaam"));
            screenshot("login-page-remembers-dutch");

            // another browser (no cookie): the login page in the browser's language, the portal in frank's choice
            driver.manage().deleteAllCookies();
            openAs(url("/"), "frank");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Mijn aanvragen");
            screenshot("frank-logs-in-again-in-dutch");
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            throw e;
        }
    }

    @Test
    void on_a_phone_the_header_and_my_requests_keep_what_matters_in_view() {
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            openAs(url("/requests"), "emma");
            WebElement logout = driver.findElement(By.id("logout"));
            assertThat(logout.isDisplayed()).isTrue();
            assertThat(logout.getRect().getX() + logout.getRect().getWidth()).as("Log out within the screen")
                    .isLessThanOrEqualTo(390);
            WebElement grid = driver.findElement(By.id("my-requests"));
            wait.until(d -> grid.getText().contains("Status"));
            assertThat(grid.getText()).as("status in view, the columns the request page has dropped")
                    .contains("Status").doesNotContain("Type");
            screenshot("emma-my-requests-390");
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            throw e;
        }
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForVaadin();
    }

    /** Picks an option of a vaadin-select by its label. */
    private void choose(WebElement select, String label) {
        click(select);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.isDisplayed() && label.equals(item.getText().strip())));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && label.equals(item.getText().strip())).findFirst().orElseThrow()
                .click();
        waitForVaadin();
    }

    /** Opens a page as a signed-out user would: Loket asks to log in first and then shows the page asked for. */
    private void openAs(String pageUrl, String username) {
        driver.get(pageUrl);
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]")));
        user.sendKeys(username);
        WebElement password = driver.findElement(By.cssSelector("input[name=password]"));
        password.sendKeys("demo");
        password.sendKeys(Keys.ENTER);
        // Spring Security marks the return to the saved page with "?continue".
        wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(pageUrl) + "(\\?continue)?$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        waitForVaadin();
        log("logged in as " + username);
    }

    private void logout() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Reloads the request page until its status badge shows the expected status, or the timeout passes. */
    private void waitForStatus(String expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        waitForStatusBadge();
        while (!expected.equals(status()) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(500));
            driver.navigate().refresh();
            waitForVaadin();
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

    private void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    private static String numberIn(String requestUrl) {
        Matcher matcher = REQUEST_URL.matcher(requestUrl);
        assertThat(matcher.find()).as("request URL %s", requestUrl).isTrue();
        return matcher.group(1);
    }

    private void screenshot(String name) {
        if (driver == null) {
            return;
        }
        log(name);
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException | IOException e) {
            // A screenshot is a help for humans; it must not hide the real outcome of the test.
            System.err.println("Screenshot '" + name + "' failed: " + e);
        }
    }

    /** Elapsed time per step in the test output: shows where a slow or failed run spent its time. */
    private void log(String step) {
        System.out.printf("[browser] %6d ms  %s%n", Duration.between(started, Instant.now()).toMillis(), step);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Best effort: Chromium may still be writing its profile while it exits. */
    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
