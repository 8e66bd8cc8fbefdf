package nl.loket.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

/**
 * Headless Chromium (Debian's package) driving Loket on a {@link BrowserTestApplication}'s port: logging in,
 * opening pages, waiting until Vaadin is idle, window sizes, screenshots for humans (target/screenshots/&lt;test&gt;/)
 * and axe-core's accessibility check. One per test; close it after.
 */
public final class Browser implements AutoCloseable {

    public static final String NO_CHROMIUM = "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install -y chromium chromium-driver; CI installs them in .ci/run)";

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    /** A common phone (iPhone 12 to 15) in CSS pixels. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Runs axe-core on the whole page with its default rules (WCAG 2.0, 2.1 and 2.2 A and AA plus best practices),
     * and WCAG 2.5.3's "label in name", which axe still calls experimental; answers its violations as JSON, each
     * with the nodes it found.
     */
    private static final String AXE_RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {
              resultTypes: ['violations'],
              rules: { 'label-content-name-mismatch': { enabled: true } }
            }).then(function (result) {
              done(JSON.stringify(result.violations.map(function (v) {
                return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {
                  return { target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary };
                }) };
              })));
            }).catch(function (e) { done('axe failed: ' + e); });
            """;

    private static String axeScript;
    private static int shot;

    private final Path screenshots;
    private final int port;
    private final Instant started = Instant.now();
    private final Path profileDir;
    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;

    /** Whether the browser is installed; else a {@link BrowserTestApplication} is skipped with {@link #NO_CHROMIUM}. */
    public static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.err.println(NO_CHROMIUM);
        }
        return installed;
    }

    /** Screenshots of an earlier run (say, of a failure) must not be mistaken for this run's: call in @BeforeAll. */
    public static void clearScreenshots(Class<?> test) {
        deleteRecursively(SCREENSHOTS.resolve(test.getSimpleName()));
    }

    /** Starts Chromium in English at desktop size; screenshots go to target/screenshots/&lt;test's name&gt;/. */
    public Browser(int port, Class<?> test) {
        this.port = port;
        this.screenshots = SCREENSHOTS.resolve(test.getSimpleName());
        try {
            profileDir = Files.createTempDirectory("loket-e2e-chromium-");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // A fixed driver and binary keep Selenium Manager from downloading anything.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, STEP_TIMEOUT, Duration.ofMillis(100));
        // Vaadin re-renders elements (combo-box items, grid cells) under our feet: look them up again.
        wait.ignoring(StaleElementReferenceException.class);
        log("browser started");
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Opens a page (a path, or a whole URL) as a signed-out user would: Loket asks to log in first and then shows the
     * page asked for.
     */
    public void openAs(String page, String username) {
        String pageUrl = page.startsWith("http") ? page : url(page);
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

    /** Loads a page (the user stays logged in) and waits until Vaadin has shown it. */
    public void open(String path) {
        driver.get(url(path));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        waitForVaadin();
    }

    /** Logs out with the header's button; from a page without it (an error page) by way of the home page. */
    public void logout() {
        if (driver.findElements(By.id("logout")).isEmpty()) {
            driver.get(url("/"));
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
    }

    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(js("return (function () {" + VAADIN_IDLE + "})()")));
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
        waitForVaadin();
    }

    /** The page's own width in CSS pixels (window size less what the browser keeps for itself). */
    public long innerWidth() {
        return ((Number) js("return window.innerWidth")).longValue();
    }

    /**
     * How far the page reaches past the window's right edge, in CSS pixels; 0 when nothing sticks out. Looks at the
     * document and at the frame's own scrolling area (Vaadin's AppLayout scrolls its content, not the document).
     */
    public long horizontalOverflow() {
        return ((Number) js("""
                var layout = document.querySelector('vaadin-app-layout');
                var content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                var overflow = document.documentElement.scrollWidth - window.innerWidth;
                [content, document.querySelector('main')].forEach(function (area) {
                  if (area) { overflow = Math.max(overflow, area.scrollWidth - area.clientWidth); }
                });
                return Math.max(0, overflow);
                """)).longValue();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForVaadin();
    }

    /** Picks an option of a vaadin-select by its label. */
    public void choose(WebElement select, String label) {
        click(select);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.isDisplayed() && label.equals(item.getText().strip())));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && label.equals(item.getText().strip())).findFirst().orElseThrow()
                .click();
        waitForVaadin();
    }

    /**
     * axe-core's findings on the page as shown now, one line per rule broken (rule id, impact, what it asks) and
     * one indented line per element (its selector, HTML and what to fix); empty when the page passes.
     */
    public List<String> accessibilityViolations() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeScript());
        }
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(AXE_RUN);
        assertThat(answer).as("axe-core's answer").asString().startsWith("[");
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree((String) answer)) {
                lines.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
                        + violation.path("help").asText());
                for (JsonNode node : violation.path("nodes")) {
                    lines.add("    " + node.path("target").asText() + "  " + node.path("html").asText()
                            + "  -> " + node.path("summary").asText().replace('\n', ' '));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The element that has the keyboard focus, looked up through open shadow roots. */
    public WebElement focused() {
        return (WebElement) js("""
                var active = document.activeElement;
                while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                  active = active.shadowRoot.activeElement;
                }
                return active;
                """);
    }

    /** axe-core's script, from the test classpath (the com.deque.html.axe-core:selenium jar carries it). */
    private static synchronized String axeScript() {
        if (axeScript == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                assertThat(in).as("axe.min.js on the test classpath").isNotNull();
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeScript;
    }

    public void screenshot(String name) {
        log(name);
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), screenshots.resolve(String.format("%03d-%s.png", nextShot(), name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException | IOException e) {
            // A screenshot is a help for humans; it must not hide the real outcome of the test.
            System.err.println("Screenshot '" + name + "' failed: " + e);
        }
    }

    /** Numbered across the tests of a run, so that one test's screenshots do not overwrite another's. */
    private static synchronized int nextShot() {
        return ++shot;
    }

    /** Elapsed time per step in the test output: shows where a slow or failed run spent its time. */
    public void log(String step) {
        System.out.printf("[browser] %6d ms  %s%n", Duration.between(started, Instant.now()).toMillis(), step);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profileDir);
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
