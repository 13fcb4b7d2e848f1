package dev.storyflow.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Webhook receivers for tests, on the JDK's HTTP server: every request is recorded when it
 * arrives, and answered as its path is told (200 unless told otherwise). An answer may block, as a
 * hanging receiver does.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a path answers a request: the status, after as long as it likes. */
  interface Answer {
    int status(Request request) throws InterruptedException;
  }

  /** One request as it arrived; {@link #answered()} is 0 until the receiver has answered it. */
  static final class Request {
    private final String path;
    private final Map<String, String> headers;
    private final byte[] body;
    private volatile int answered;

    Request(String path, Map<String, String> headers, byte[] body) {
      this.path = path;
      this.headers = headers;
      this.body = body;
    }

    String path() {
      return path;
    }

    /** A header by its name, in any case. */
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    byte[] body() {
      return body.clone();
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + text(), e);
      }
    }

    String eventId() {
      return header(WebhookChannel.ID_HEADER);
    }

    int answered() {
      return answered;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(request -> request.path.equals(path)).toList();
  }

  /** The requests to a path that carried one event. */
  List<Request> requests(String path, String eventId) {
    return requests(path).stream().filter(request -> eventId.equals(request.eventId())).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
        values.get(0)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
    requests.add(request);
    int status;
    try {
      status = answers.getOrDefault(request.path, r -> 200).status(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
    }
    request.answered = status;
    try {
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException e) {
      // the sender gave up waiting and closed the connection: fine, it counts the attempt as failed
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
