package dev.storyflow.bare.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One client's HTTP/1.1 connection to the app, with HTTP Basic as any demo user. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A reply; {@code status} 0 when the request failed below HTTP (refused, timed out). */
  record Reply(int status, String body, long nanos) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String password;

  Http(String baseUrl, String password) {
    this.baseUrl = baseUrl;
    this.password = password;
  }

  Reply get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  Reply delete(String user, String path) {
    return send(request(user, path).DELETE().build());
  }

  Reply post(String user, String path, Object body) {
    try {
      return send(request(user, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
        .header("Accept", "application/json");
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest request) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), System.nanoTime() - started);
    } catch (IOException e) {
      return new Reply(0, e.toString(), System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, "interrupted", System.nanoTime() - started);
    }
  }
}
