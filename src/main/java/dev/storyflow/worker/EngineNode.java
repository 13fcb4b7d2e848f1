package dev.storyflow.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A remote worker's way to the engine node's worker API ({@code /api/worker}, beside the node's
 * {@code /engine-rest}): JSON over HTTP, logged in as the backend-engineer service account. An
 * answer other than 2xx is an {@link EngineNodeException}; the step that needed it fails and is
 * retried like any failed step.
 */
public final class EngineNode {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final URI api;
  private final String authorization;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  EngineNode(WorkerProperties properties, ObjectMapper json) {
    this.api = workerApi(properties.engineUrl());
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  /** The worker API of the node whose {@code /engine-rest} is given: {@code http://host:8080/api/worker}. */
  static URI workerApi(URI engineRest) {
    String base = engineRest.toString().replaceAll("/+$", "");
    if (!base.endsWith("/engine-rest")) {
      throw new IllegalArgumentException("storyflow.worker.engine-url must end with /engine-rest: " + engineRest);
    }
    return URI.create(base.substring(0, base.length() - "/engine-rest".length()) + "/api/worker/");
  }

  /** GET {@code path?query}, the answer read as {@code type}. */
  public <T> T get(String path, Map<String, String> query, JavaType type) {
    return read(send(HttpRequest.newBuilder(uri(path, query)).GET()), type);
  }

  /** POST {@code path} with a JSON body, the answer read as {@code type} ({@code null}: none expected). */
  public <T> T post(String path, Object body, JavaType type) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, Map.of()))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
      return read(send(request), type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectMapper json() {
    return json;
  }

  private URI uri(String path, Map<String, String> query) {
    String q = query.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return api.resolve(path + (q.isEmpty() ? "" : "?" + q));
  }

  private String send(HttpRequest.Builder request) {
    HttpRequest built = request.header("Authorization", authorization).header("Accept", "application/json")
        .timeout(TIMEOUT).build();
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new EngineNodeException(built.method() + " " + built.uri().getPath() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new EngineNodeException("The engine node cannot be reached at " + api + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineNodeException("Interrupted while waiting for the engine node", e);
    }
  }

  private <T> T read(String body, JavaType type) {
    if (type == null || body == null || body.isEmpty()) {
      return null;
    }
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new EngineNodeException("The engine node's answer cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** The engine node refused or could not be asked. */
  public static final class EngineNodeException extends RuntimeException {

    EngineNodeException(String message) {
      super(message);
    }

    EngineNodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
