package dev.storyflow.tasklist;

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
 * Camunda's webapps over plain HTTP, as the browser talks to them: logs into Tasklist, keeps the
 * session cookie and sends the session's CSRF token with every request, like Tasklist's own calls
 * to {@code /camunda/api/engine/...}.
 */
final class WebappClient {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private WebappClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A session of {@code user} (password "demo") in Tasklist; {@code null}: a session nobody logged into. */
  static WebappClient session(int port, String user) {
    WebappClient client = new WebappClient(port);
    client.get("/camunda/app/tasklist/default/");
    if (user != null) {
      Reply login = client.send(HttpRequest.newBuilder(URI.create(client.base
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")), true);
      if (login.status() != 200) {
        throw new IllegalStateException(user + " cannot log in: " + login.status() + " " + login.body());
      }
      // the session changed at login: its token comes with the next read
      client.get("/camunda/api/admin/auth/user/default");
    }
    return client;
  }

  /** A request to the webapp's own engine API, {@code /camunda/api/engine/engine/default} + path. */
  Reply engine(String method, String path, String json) {
    return request(method, "/camunda/api/engine/engine/default" + path, json, true);
  }

  /** A POST to the webapp's engine API that asks for HAL, as Tasklist lists a filter's tasks with their variables. */
  Reply engineHal(String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(request, true);
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET(), false);
  }

  Reply post(String path, String json) {
    return request("POST", path, json, true);
  }

  /** A POST without the session's CSRF token. */
  Reply postWithoutToken(String path, String json) {
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
