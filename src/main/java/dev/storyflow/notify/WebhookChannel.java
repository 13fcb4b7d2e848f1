package dev.storyflow.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs the outbox row's JSON to a webhook with the JDK's HTTP client. 2xx is sent; 408, 429 and
 * 5xx, timeouts and network errors are retried (a {@code Retry-After} in seconds is honoured);
 * any other status is a refusal that no retry would change. Redirects are not followed.
 */
final class WebhookChannel implements Channel {

  static final String EVENT_HEADER = "X-Storyflow-Event";
  static final String ID_HEADER = "X-Storyflow-Event-Id";

  private final NotificationProperties.Webhook webhook;
  private final HttpClient http;
  private final Duration timeout;
  private final URI uri;
  private final WebhookSignature signature;

  WebhookChannel(NotificationProperties.Webhook webhook, HttpClient http, Duration timeout) {
    this.webhook = webhook;
    this.http = http;
    this.timeout = timeout;
    this.uri = URI.create(webhook.url());
    this.signature = webhook.secret() == null ? null : new WebhookSignature(webhook.secret());
  }

  @Override
  public String name() {
    return webhook.channel();
  }

  @Override
  public Attempt deliver(Outbox.Entry entry) throws InterruptedException {
    byte[] body = entry.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Storyflow")
        .header(EVENT_HEADER, entry.event())
        .header(ID_HEADER, entry.eventId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature.of(body));
    }
    CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.build(),
        HttpResponse.BodyHandlers.discarding());
    try {
      // the request's own timeout covers the answer's head; this bounds the whole exchange
      return attempt(response.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      response.cancel(true);
      return Attempt.retry("no answer from " + webhook.host() + " within " + timeout, null);
    } catch (ExecutionException e) {
      return Attempt.retry(webhook.host() + ": " + e.getCause(), null);
    }
  }

  private Attempt attempt(HttpResponse<Void> response) {
    int status = response.statusCode();
    String result = "HTTP " + status + " from " + webhook.host();
    if (status >= 200 && status < 300) {
      return Attempt.sent(result);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return Attempt.retry(result, retryAfter(response));
    }
    return Attempt.refused(result);
  }

  private static Duration retryAfter(HttpResponse<Void> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty() || !header.get().strip().matches("\\d{1,9}")) {
      return null;
    }
    return Duration.ofSeconds(Long.parseLong(header.get().strip()));
  }
}
