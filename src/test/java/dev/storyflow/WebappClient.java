package dev.storyflow;

import dev.storyflow.HttpTestClient.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Camunda's webapps over plain HTTP, as a browser talks to them: logs into a webapp with its login
 * form, keeps the session cookie and sends the session's CSRF token with every request unless told
 * not to, like Tasklist's own calls to {@code /camunda/api/engine/...}. No Basic credentials.
 */
public final class WebappClient {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private WebappClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A session of {@code user} (password "demo") in Tasklist; {@code null}: a session nobody logged into. */
  public static WebappClient session(int port, String user) {
    return session(port, "tasklist", user);
  }

  /**
   * A session of {@code user} (password "demo") in a webapp ({@code tasklist}, {@code cockpit}),
   * logged in as its login page does; {@code null}: a session nobody logged into.
   */
  public static WebappClient session(int port, String app, String user) {
    WebappClient client = new WebappClient(port);
    client.get("/camunda/app/" + app + "/default/");
    if (user != null) {
      Reply login = client.send(HttpRequest.newBuilder(URI.create(client.base
              + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")), true);
      if (login.status() != 200) {
        throw new IllegalStateException(user + " cannot log into " + app + ": " + login.status() + " " + login.body());
      }
      // the session changed at login: its token comes with the next read
      client.get("/camunda/api/admin/auth/user/default");
    }
    return client;
  }

  /** Logs out as the webapps' menu does; the session's cookie reads nothing afterwards. */
  public void logout() {
    Reply logout = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
        .POST(HttpRequest.BodyPublishers.noBody()), true);
    if (logout.status() != 200) {
      throw new IllegalStateException("logout answered " + logout.status() + " " + logout.body());
    }
  }

  /** A request to the webapp's own engine API, {@code /camunda/api/engine/engine/default} + path. */
  public Reply engine(String method, String path, String json) {
    return request(method, "/camunda/api/engine/engine/default" + path, json, true);
  }

  /** A POST to the webapp's engine API that asks for HAL, as Tasklist lists a filter's tasks with their variables. */
  public Reply engineHal(String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(request, true);
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET(), false);
  }

  public Reply post(String path, String json) {
    return request("POST", path, json, true);
  }

  /** A POST without the session's CSRF token. */
  public Reply postWithoutToken(String path, String json) {
    return request("POST", path, json, false);
  }

  private Reply request(String method, String path, String json, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(request, withToken);
  }

  private Reply send(HttpRequest.Builder request, boolean withToken) {
    if (withToken) {
      cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
          .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
