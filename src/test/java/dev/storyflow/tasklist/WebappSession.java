package dev.storyflow.tasklist;

import dev.storyflow.WebappBrowser;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user of Camunda's webapps in a {@link WebappBrowser}: logs into Tasklist or Cockpit, opens a
 * task's form or a story in Cockpit, claims, decides and completes as a person would.
 */
final class WebappSession implements AutoCloseable {

  static final By FORM = By.cssSelector("[cam-tasklist-form] .fjs-container");
  static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");

  private final WebappBrowser webapp;
  final WebDriver browser;
  final WebDriverWait wait;

  private WebappSession(WebappBrowser webapp) {
    this.webapp = webapp;
    this.browser = webapp.driver();
    this.wait = webapp.waiting();
  }

  static WebappSession open(int port) throws Exception {
    return new WebappSession(WebappBrowser.open(port));
  }

  /** A browser whose page (the viewport, without the window's frame) is {@code width} × {@code height}. */
  static WebappSession open(int port, int width, int height) throws Exception {
    return new WebappSession(WebappBrowser.open(port, width, height));
  }

  void loginToTasklist(String user, String password) {
    webapp.login("tasklist", user, password);
  }

  void loginToCockpit(String user, String password) {
    webapp.login("cockpit", user, password);
  }

  /** Opens a task in Tasklist and returns its Camunda Form once it shows {@code expectedText}. */
  WebElement openTaskForm(String taskId, String expectedText) {
    browser.get(tasklist() + "#/?task=" + taskId);
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> form.getText().contains(expectedText));
    return form;
  }

  /** Claims the open task with the Claim button of Storyflow's "claim this task" notice. */
  void claimFromNotice() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".sf-claim-notice button.sf-claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".sf-claim-notice")));
  }

  /** Chooses the option of a radio group whose label starts with {@code label}. */
  void choose(WebElement form, String label) {
    WebElement option = form.findElement(By.xpath(".//label[input[@type='radio']][starts-with(normalize-space(.), '"
        + label + "')]/input"));
    centre(option);
    option.click();
  }

  /** The input (or text area) of a form field by its label. */
  WebElement field(WebElement form, String label) {
    WebElement labelElement = form.findElement(By.xpath(
        ".//label[starts-with(normalize-space(.), '" + label + "')]"));
    return form.findElement(By.id(labelElement.getDomAttribute("for")));
  }

  /** Picks an entry of a form-js select whose label starts with {@code label}. */
  void select(WebElement form, String fieldLabel, String entry) {
    WebElement input = field(form, fieldLabel);
    WebElement group = input.findElement(By.xpath("./ancestor::*[contains(@class, 'fjs-input-group')][1]"));
    WebElement wrapper = group.findElement(By.xpath("./ancestor::*[contains(@class, 'fjs-form-field')][1]"));
    centre(group);
    // a select that has a value: cleared first, so that its list offers every entry again
    wrapper.findElements(By.cssSelector(".fjs-select-cross")).stream().filter(WebElement::isDisplayed).findFirst()
        .ifPresent(cross -> {
          cross.click();
          // and left, so that the next click opens its list as on a select not yet touched
          wrapper.findElement(By.cssSelector(".fjs-form-field-label")).click();
          script("document.activeElement && document.activeElement.blur();");
        });
    // the list opens on a click (another click, if the first one only gave the field focus)
    WebElement item = wait.until(d -> {
      List<WebElement> items = wrapper.findElements(By.cssSelector(".fjs-dropdownlist-item"));
      if (items.isEmpty()) {
        group.click();
        return null;
      }
      return items.stream().filter(e -> e.getText().trim().startsWith(entry)).findFirst().orElse(null);
    });
    item.click();
  }

  /** The text of the chosen entry of a form-js select. */
  String selected(WebElement form, String fieldLabel) {
    WebElement input = field(form, fieldLabel);
    return input.findElement(By.xpath("./ancestor::*[contains(@class, 'fjs-form-field')][1]"))
        .findElement(By.cssSelector(".fjs-select-display")).getText().trim();
  }

  void centre(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  WebElement completeButton() {
    return wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE));
  }

  /** Why Complete (or Start) waits, as the page shows it beside the button; empty when it does not wait. */
  String reasonBesideSubmit() {
    return browser.findElements(By.cssSelector(".sf-reason")).stream().map(WebElement::getText)
        .findFirst().orElse("");
  }

  /** The labels of the form fields marked as needed. */
  java.util.List<String> markedFields(WebElement form) {
    return form.findElements(By.cssSelector(".fjs-form-field.sf-needed .fjs-form-field-label")).stream()
        .map(e -> e.getText().trim()).toList();
  }

  /** The labels of the form fields the engine's last refusal marked. */
  java.util.List<String> refusedFields(WebElement form) {
    return form.findElements(By.cssSelector(".fjs-form-field.sf-refused-field .fjs-form-field-label")).stream()
        .map(e -> e.getText().trim()).toList();
  }

  /** The text in the form's row of the field {@code label}: the field and what stands beside it. */
  String besideField(WebElement form, String label) {
    return field(form, label).findElement(By.xpath("./ancestor::*[contains(@class, 'fjs-layout-row')][1]")).getText();
  }

  /**
   * From now on, counts the forms the page sends ({@code .../submit-form} requests opened), for
   * {@link #submissions()}.
   */
  void countSubmissions() {
    script("""
        window.sfSubmissions = 0;
        const open = XMLHttpRequest.prototype.open;
        XMLHttpRequest.prototype.open = function (method, url, ...rest) {
          if (/\\/submit-form$/.test(String(url))) { window.sfSubmissions++; }
          return open.call(this, method, url, ...rest);
        };""");
  }

  long submissions() {
    return ((Number) script("return window.sfSubmissions;")).longValue();
  }

  /** The text of the webapp's notification panels, read in one go. */
  String notifications() {
    return webapp.notifications();
  }

  /** Status and body of a request that the page sends to the webapp's engine API, as Tasklist does. */
  record Reply(long status, String body) {
  }

  /** A request of this session to the webapp's own engine API, with its CSRF token. */
  Reply engineRequest(String method, String path, String json) {
    return request(method, "/camunda/api/engine/engine/default" + path, json);
  }

  /** A request of this session to a path of the webapps (e.g. {@code /camunda/api/storyflow/...}). */
  @SuppressWarnings("unchecked")
  Reply request(String method, String path, String json) {
    Map<String, Object> reply = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const [method, url, body, done] = arguments;
        const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
        const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
        if (token) { headers['X-XSRF-TOKEN'] = token; }
        fetch(url, {method, headers, body: method === 'GET' ? undefined : body, credentials: 'same-origin'})
          .then(reply => reply.text().then(text => done({status: reply.status, body: text})))
          .catch(error => done({status: -1, body: String(error)}));""", method, path, json);
    return new Reply((Long) reply.get("status"), (String) reply.get("body"));
  }

  /** Opens a process instance's variables in Cockpit; returns the page once it shows {@code expectedText}. */
  WebElement openVariablesInCockpit(String processInstanceId, String expectedText) {
    browser.get(webapp.url("cockpit") + "#/process-instance/" + processInstanceId + "/runtime?tab=variables-tab");
    WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")));
    wait.until(d -> page.getText().contains(expectedText));
    return page;
  }

  Object script(String script, Object... arguments) {
    return webapp.script(script, arguments);
  }

  void screenshot(String name) throws Exception {
    webapp.screenshot(name);
  }

  String tasklist() {
    return webapp.url("tasklist");
  }

  @Override
  public void close() {
    webapp.close();
  }
}
