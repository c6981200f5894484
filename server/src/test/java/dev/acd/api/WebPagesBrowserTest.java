package dev.acd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;

/**
 * The wallboard and the rep desktop in a real browser: Debian's chromium driven by its chromedriver through Selenium,
 * headless at 1280x800, against the real API on an ephemeral port. Calls are journaled core events standing in for
 * calls over SIP. Screenshots go to server/target/screenshots. Skipped when chromium or chromedriver is missing.
 */
class WebPagesBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final long NINE = java.time.Instant.parse("2026-11-23T14:00:00Z").toEpochMilli();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    @TempDir
    Path dir;
    ApiHarness api;
    WebDriver browser;
    WebDriverWait wait;

    /** Kept so the level holds: Selenium warns that it has no CDP classes for this exact Chromium, which we do not use. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void needsChromium() {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, NINE);
        ChromeOptions options = new ChromeOptions();
        // The installed browser and driver, named explicitly, so Selenium Manager never looks for (or downloads) one.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--disable-extensions", "--mute-audio");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        api.close();
    }

    @Test
    void shouldShowASupervisorACallArrivingAndChangeARepsState() throws Exception {
        api.journal(new RepLoggedIn(NINE, ApiHarness.REP), new RepReady(NINE, ApiHarness.REP));
        logIn(ApiHarness.SUPERVISOR);
        wait.until(ExpectedConditions.urlContains("/wallboard.html"));
        WebElement sales = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-queue='sales'] .waiting")));
        assertEquals("0", sales.getText());
        wait.until(ExpectedConditions.textToBe(By.id("feed-status"), "live"));
        screenshot("wallboard-empty");

        new CallScript(api, 41, "sales").arrives(NINE + 1_000);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-queue='sales'] .waiting"), "1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls tr[data-call='41']")));
        screenshot("wallboard-call-waiting");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume .uplot")));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('charts-title').scrollIntoView()");
        screenshot("wallboard-charts");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");

        browser.findElement(By.cssSelector("#calls tr[data-call='41'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#call-timeline li[data-type='CallQueued']")));
        screenshot("wallboard-call-timeline");
        browser.findElement(By.cssSelector("#call-dialog button[value='close']")).click();

        browser.findElement(By.cssSelector("#reps tr[data-rep='ava.chen'] .rep-name")).click();
        wait.until(ExpectedConditions.textToBe(By.id("rep-dialog-current"), "ready"));
        new Select(browser.findElement(By.id("rep-dialog-reason"))).selectByValue("lunch");
        browser.findElement(By.cssSelector("#rep-dialog [data-action='not-ready']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("rep-dialog-current"), "not ready"));
        screenshot("wallboard-rep-dialog");
        browser.findElement(By.cssSelector("#rep-dialog button[value='close']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#reps tr[data-rep='ava.chen']"), "(lunch)"));
        assertTrue(api.published.contains(new RepNotReady(published(RepNotReady.class).at(), ApiHarness.REP, "lunch")));
        assertEquals("0", browser.findElement(By.cssSelector("[data-queue='sales'] .rep-counts .READY b")).getText());

        // the expected wait appears once the queue has answered three calls: 41 still waits, so a newcomer is second
        assertEquals("–", browser.findElement(By.cssSelector("[data-queue='sales'] .expected-wait")).getText());
        api.now.set(NINE + 70_000);
        for (long id = 51; id <= 53; id++) {
            new CallScript(api, id, "sales").arrives(NINE + 2_000).answered(NINE + 2_000 + (id - 50) * 20_000,
                    ApiHarness.REP);
        }
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-queue='sales'] .expected-wait"), "0:40"));

        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoSidewaysScroll();
        screenshot("wallboard-narrow");
    }

    @Test
    void shouldPopTheCustomerCardWhenACallRingsARepAndAcceptItsDisposition() throws Exception {
        logIn(ApiHarness.REP_USER);
        wait.until(ExpectedConditions.urlContains("/desk.html"));
        wait.until(ExpectedConditions.textToBe(By.id("my-state"), "logged out"));
        browser.findElement(By.id("do-login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("my-state"), "not ready"));
        browser.findElement(By.id("do-ready")).click();
        wait.until(ExpectedConditions.textToBe(By.id("my-state"), "ready"));

        new CallScript(api, 51, "sales").arrives(NINE + 1_000).rings(NINE + 2_000, ApiHarness.REP);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ringing")));
        wait.until(ExpectedConditions.textToBe(By.id("card-name"), "Priya Umar"));
        assertEquals("Small business", browser.findElement(By.id("card-segment")).getText());
        assertEquals("us-east", browser.findElement(By.id("card-territory")).getText());
        screenshot("desk-ringing");

        new CallScript(api, 51, "sales").answered(NINE + 5_000, ApiHarness.REP);
        wait.until(ExpectedConditions.textToBe(By.id("my-state"), "on call"));
        assertTrue(browser.findElement(By.id("customer-card")).isDisplayed());
        new CallScript(api, 51, "sales").ends(NINE + 65_000, ApiHarness.REP, 60_000);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-panel")));
        wait.until(ExpectedConditions.textToBe(By.id("my-state"), "wrap up"));

        new Select(browser.findElement(By.id("outcome"))).selectByValue("won");
        browser.findElement(By.id("revenue")).sendKeys("1250.50");
        browser.findElement(By.id("note")).sendKeys("3 seats of CRM");
        browser.findElement(By.id("save-disposition")).click();
        wait.until(ExpectedConditions.textToBe(By.id("wrap-message"), "Saved: won for call #51."));
        DispositionRecorded recorded = published(DispositionRecorded.class);
        assertEquals(new DispositionRecorded(recorded.at(), 51, ApiHarness.REP, "won", 125_050, "3 seats of CRM"),
                recorded);
        screenshot("desk-wrap-up");

        assertFalse(browser.findElement(By.id("save-disposition")).isEnabled(), "a call takes one disposition");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoSidewaysScroll();
        screenshot("desk-narrow");
    }

    private void logIn(String user) {
        browser.get(api.uri("/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ApiHarness.PASSWORD);
        browser.findElement(By.id("login-button")).click();
    }

    private <T> T published(Class<T> type) {
        synchronized (api.published) {
            return api.published.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " was published"));
        }
    }

    private void assertNoSidewaysScroll() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "the page scrolls sideways by " + overflow + " px");
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
