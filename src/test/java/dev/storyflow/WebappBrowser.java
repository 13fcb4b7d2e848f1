package dev.storyflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium at Storyflow's Camunda webapps ({@code tasklist}, {@code cockpit},
 * {@code admin}): starts the browser, logs a user in through the webapp's sign-in page, reads the
 * webapp's notifications and keeps screenshots. The browser's console is recorded. Skips the test
 * when Chromium is not installed, unless {@code STORYFLOW_REQUIRE_BROWSER=true} (CI).
 */
public final class WebappBrowser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where {@link #screenshot(String)} puts its pictures. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** The webapps' sign-in form. */
  public static final By SIGNIN_FORM = By.cssSelector("form[name=signinForm]");
  /** The notification of a refused login. */
  public static final String LOGIN_FAILED = "Login Failed";

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  private WebappBrowser(WebDriver browser, int port) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // Angular re-renders while it loads; a condition that met a replaced element just tries again
    this.wait.ignoring(StaleElementReferenceException.class);
    this.base = "http://localhost:" + port;
  }

  /** A browser whose window is 1400 × 1800. */
  public static WebappBrowser open(int port) throws Exception {
    return new WebappBrowser(chromium(1400, 1800), port);
  }

  /** A browser whose page (the viewport, without the window's frame) is {@code width} × {@code height}. */
  public static WebappBrowser open(int port, int width, int height) throws Exception {
    WebDriver browser = chromium(width, height);
    Map<?, ?> frame = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
        "return {w: window.outerWidth - window.innerWidth, h: window.outerHeight - window.innerHeight};");
    browser.manage().window().setSize(new Dimension(width + ((Number) frame.get("w")).intValue(),
        height + ((Number) frame.get("h")).intValue()));
    return new WebappBrowser(browser, port);
  }

  private static WebDriver chromium(int width, int height) throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("STORYFLOW_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("chromium and chromium-driver are required (STORYFLOW_REQUIRE_BROWSER=true)");
    }
    Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  public WebDriver driver() {
    return browser;
  }

  /** Waits up to 30 s, trying again when a condition met an element Angular has replaced. */
  public WebDriverWait waiting() {
    return wait;
  }

  /** The address of this server: {@code http://localhost:port}. */
  public String base() {
    return base;
  }

  /** The start page of a webapp: {@code tasklist}, {@code cockpit} or {@code admin}. */
  public String url(String app) {
    return base + "/camunda/app/" + app + "/default/";
  }

  /** Logs a demo user (password "demo") into a webapp; fails when the webapp refuses the login. */
  public void login(String app, String user) {
    login(app, user, "demo");
  }

  /** Logs a user into a webapp; fails when the webapp refuses the login. */
  public void login(String app, String user, String password) {
    submitLogin(app, user, password);
    wait.until(ExpectedConditions.or(ExpectedConditions.invisibilityOfElementLocated(SIGNIN_FORM),
        d -> notifications().contains(LOGIN_FAILED)));
    if (notifications().contains(LOGIN_FAILED)) {
      throw new AssertionError(user + " cannot log into " + app + ": " + notifications().trim());
    }
  }

  /** Opens a webapp's sign-in page, fills it in and submits it, whatever the webapp answers. */
  public void submitLogin(String app, String user, String password) {
    browser.get(url(app));
    // the sign-in form may still be redrawn while it loads: each field is found, filled and read back
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    wait.until(d -> fill(name, user));
    WebElement secret = browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
    wait.until(d -> fill(secret, password));
    browser.findElement(By.cssSelector(
        "form[name=signinForm] button[type=submit], form[name=signinForm] button.btn-primary")).click();
  }

  private static boolean fill(WebElement input, String value) {
    input.clear();
    input.click();
    input.sendKeys(value);
    return value.equals(input.getDomProperty("value"));
  }

  /** The text of the webapp's notification panels ("Login Failed", "... is completed."), read in one go. */
  public String notifications() {
    return (String) script("return Array.from(document.querySelectorAll('[notifications-panel]'))"
        + ".map(p => p.textContent).join(' ');");
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  /** Saves the page as {@code name.png} under {@link #SCREENSHOTS}. */
  public void screenshot(String name) throws Exception {
    screenshot(SCREENSHOTS, name);
  }

  /** Saves the page as {@code name.png} under {@code directory}. */
  public void screenshot(Path directory, String name) throws Exception {
    Files.createDirectories(directory);
    Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    browser.quit();
  }
}
