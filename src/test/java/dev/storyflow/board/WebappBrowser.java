package dev.storyflow.board;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * HTTP as a browser logged into one of Camunda's webapps sends it: the session cookie it was given
 * at login, the webapp's CSRF token where the webapp asks for one, and no Basic credentials.
 */
final class WebappBrowser {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private WebappBrowser(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs the demo user into the webapp ({@code cockpit}, {@code tasklist}) as its login page does. */
  static WebappBrowser loggedIn(int port, String app, String user) throws IOException, InterruptedException {
    WebappBrowser browser = new WebappBrowser(port);
    browser.send(HttpRequest.newBuilder(URI.create(browser.base + "/camunda/app/" + app + "/default/")).GET());
    HttpResponse<String> login = browser.send(browser.webapp("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " cannot log into " + app + ": " + login.statusCode());
    }
    return browser;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  /** A change with the session cookie alone, as a page of another site could make a browser send it. */
  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  void logout() throws IOException, InterruptedException {
    // logging in starts a new session; its CSRF token comes with the first read of the webapp's API
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
    HttpResponse<String> logout = send(webapp("/camunda/api/admin/auth/user/default/logout")
        .POST(HttpRequest.BodyPublishers.noBody()));
    if (logout.statusCode() != 200) {
      throw new IllegalStateException("logout answered " + logout.statusCode());
    }
  }

  /** A request to the webapp's own API, with the CSRF token its filter gave this browser. */
  private HttpRequest.Builder webapp(String path) {
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie")).getValue();
    return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
