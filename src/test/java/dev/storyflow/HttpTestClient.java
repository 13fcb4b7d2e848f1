package dev.storyflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP against a running Storyflow, as one of its users. */
public final class HttpTestClient {

  /** A response with its body read as JSON where it is JSON. */
  public record Reply(int status, String body, HttpResponse<String> raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public HttpTestClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Reply get(String user, String path, String accept) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET());
  }

  public Reply post(String user, String path, Object body) {
    return postRaw(user, path, "application/json", body instanceof String s ? s : write(body));
  }

  public Reply postRaw(String user, String path, String contentType, String body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public Reply put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body), StandardCharsets.UTF_8)));
  }

  public Reply delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  /** {@code user} may be {@code null} (no credentials) or {@code "name:password"}; a bare name uses "demo". */
  private Reply send(String user, HttpRequest.Builder request) {
    if (user != null) {
      String credentials = user.contains(":") ? user : user + ":demo";
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
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

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
