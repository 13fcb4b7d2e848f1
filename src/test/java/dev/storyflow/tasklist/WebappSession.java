package dev.storyflow.tasklist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A user of Camunda's webapps in headless Debian Chromium: logs into Tasklist or Cockpit, opens a
 * task's form or a story in Cockpit. Skips the test when Chromium is not installed, unless
 * {@code STORYFLOW_REQUIRE_BROWSER=true} (CI).
 */
final class WebappSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final By SIGNIN_FORM = By.cssSelector("form[name=signinForm]");

  final WebDriver browser;
  final WebDriverWait wait;
  private final String tasklist;
  private final String cockpit;

  private WebappSession(WebDriver browser, int port) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // Angular re-renders while it loads; a condition that met a replaced element just tries again
    this.wait.ignoring(StaleElementReferenceException.class);
    this.tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    this.cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  static WebappSession open(int port) throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("STORYFLOW_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("chromium and chromium-driver are required (STORYFLOW_REQUIRE_BROWSER=true)");
    }
    Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1800", "--user-data-dir=" + Files.createTempDirectory("chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new WebappSession(new ChromeDriver(service, options), port);
  }

  void loginToTasklist(String user, String password) {
    login(tasklist, user, password);
  }

  void loginToCockpit(String user, String password) {
    login(cockpit, user, password);
  }

  private void login(String webapp, String user, String password) {
    browser.get(webapp);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(password);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit], form[name=signinForm] button.btn-primary"))
        .click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(SIGNIN_FORM));
  }

  /** Opens a task in Tasklist and returns its Camunda Form once it shows {@code expectedText}. */
  WebElement openTaskForm(String taskId, String expectedText) {
    browser.get(tasklist + "#/?task=" + taskId);
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> form.getText().contains(expectedText));
    return form;
  }

  /** Opens a process instance's variables in Cockpit; returns the page once it shows {@code expectedText}. */
  WebElement openVariablesInCockpit(String processInstanceId, String expectedText) {
    browser.get(cockpit + "#/process-instance/" + processInstanceId + "/runtime?tab=variables-tab");
    WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")));
    wait.until(d -> page.getText().contains(expectedText));
    return page;
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    browser.quit();
  }
}
