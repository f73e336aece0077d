package org.illbridge.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, driven through Debian's chromedriver (nothing is downloaded), headless at
 * 1366×768. Tests that need it are skipped where it is absent, except under CI (CI=true), where its
 * absence is a failure: .ci/run installs it.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the page at {@code httpPort}; skips the test (fails under CI) without chromium. */
    public static Browser open(int httpPort) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must test the page in a real browser, but /usr/bin/chromium or /usr/bin/chromedriver"
                    + " is missing: .ci/run installs the Debian packages chromium and chromium-driver");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new Browser(driver, "http://127.0.0.1:" + httpPort);
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Forgets the session: nobody is logged in. */
    public Browser logOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Logs out whoever is logged in, then logs in as {@code user} through the login form. */
    public Browser logInAs(TestUsers user) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(user.userName());
        driver.findElement(By.id("password")).sendKeys(user.password());
        clickAndWait(By.cssSelector("button[type=submit]"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Clicks what leads to another page and waits until that page has replaced this one. */
    public void clickAndWait(By by) {
        activateAndWait(by, false);
    }

    /** Presses Enter on what leads to another page (the keyboard's click) and waits for that page. */
    public void pressEnterAndWait(By by) {
        activateAndWait(by, true);
    }

    private void activateAndWait(By by, boolean keyboard) {
        WebElement page = driver.findElement(By.tagName("html"));
        if (keyboard) {
            driver.findElement(by).sendKeys(Keys.ENTER);
        } else {
            driver.findElement(by).click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> isGone(page));
    }

    /** Sets a field's value as a date picker would (typing into one depends on the browser's locale). */
    public void setValue(By by, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(by), value);
    }

    /** The form controls on the page that a screen reader could not name (no label, no aria-label). */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControls() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(c => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))
                  .map(c => c.outerHTML);""");
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * The old page's element is gone once the new page replaced it. Chrome sometimes says so with "Node
     * with given id does not belong to the document" instead of a stale-element error.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows, when the docs are being rewritten (-Dillbridge.write-docs=true). */
    public void screenshotForDocs(String name) {
        if (!Boolean.getBoolean("illbridge.write-docs")) {
            return;
        }
        try {
            Path file = Path.of("docs", "images", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
