package dev.storyflow.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go and how hard the sender tries. Checked at start-up: a bad URL or an
 * unknown event name stops Storyflow with a message naming the key.
 *
 * @param baseUrl Storyflow's address as people reach it, for the links into Tasklist and Cockpit
 * @param webhooks the webhooks, each getting the events it lists (all when it lists none)
 * @param mail e-mail, sent only when {@code spring.mail.host} is set
 * @param timeout the longest one delivery (an HTTP request, an SMTP step) may take
 * @param retry how a failed delivery is tried again
 * @param threads deliveries a node makes at once
 * @param pollInterval how often the sender looks for work it was not woken for (another node's
 *     rows after that node died, retries)
 * @param keepSent how long sent and failed notifications stay in the outbox
 */
@ConfigurationProperties("storyflow.notifications")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue List<Webhook> webhooks,
    @DefaultValue Mail mail,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue Retry retry,
    @DefaultValue("4") int threads,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("7d") Duration keepSent) {

  private static final String PREFIX = "storyflow.notifications.";

  public NotificationProperties {
    baseUrl = httpUrl(PREFIX + "base-url", baseUrl).toString().replaceAll("/+$", "");
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    positive(PREFIX + "timeout", timeout);
    positive(PREFIX + "poll-interval", pollInterval);
    positive(PREFIX + "keep-sent", keepSent);
    if (threads < 1) {
      throw new IllegalArgumentException(PREFIX + "threads must be at least 1");
    }
    if (webhooks.stream().map(Webhook::url).distinct().count() < webhooks.size()) {
      throw new IllegalArgumentException(PREFIX + "webhooks lists a URL twice");
    }
  }

  /**
   * How long a node holds a claimed delivery: long enough for a delivery to end or time out (its
   * network steps may each take {@link #timeout}); after that another node may take it over.
   */
  public Duration claimDuration() {
    return timeout.multipliedBy(3).plusSeconds(30);
  }

  /**
   * One webhook.
   *
   * @param url where the JSON is POSTed (http or https)
   * @param events the event codes it gets (e.g. {@code taskWaiting}); all when empty
   * @param secret when set, the body is signed: {@code X-Storyflow-Signature: sha256=<hex HMAC-SHA256>}
   */
  public record Webhook(String url, @DefaultValue List<String> events, String secret) {

    public Webhook {
      URI uri = httpUrl(PREFIX + "webhooks[].url", url);
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(PREFIX + "webhooks[].url must not carry credentials; use a secret");
      }
      events = eventCodes(PREFIX + "webhooks[].events", events);
      secret = secret == null || secret.isBlank() ? null : secret;
    }

    boolean accepts(NotificationType type) {
      return events.isEmpty() || events.contains(type.code());
    }

    /**
     * The webhook's name in the outbox: a digest of its URL, since a URL (a Slack one, for one)
     * may itself be the secret. The same URL keeps its name across restarts and nodes.
     */
    String channel() {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        return "webhook:" + HexFormat.of().formatHex(hash, 0, 8);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The host only, for logs: the rest of a webhook URL may be a secret. */
    String host() {
      return URI.create(url).getHost();
    }
  }

  /**
   * E-mail to the members of the groups an event is addressed to.
   *
   * @param from the sender address
   * @param events the event codes mailed; all when empty
   */
  public record Mail(@DefaultValue("storyflow@localhost") String from, @DefaultValue List<String> events) {

    public Mail {
      if (from == null || from.isBlank()) {
        throw new IllegalArgumentException(PREFIX + "mail.from must not be blank");
      }
      events = eventCodes(PREFIX + "mail.events", events);
    }

    boolean accepts(NotificationType type) {
      return events.isEmpty() || events.contains(type.code());
    }
  }

  /**
   * Exponential backoff: the n-th retry waits {@code initialDelay × multiplier^(n-1)}, at most
   * {@code maxDelay}; after {@code maxAttempts} attempts the notification is marked FAILED.
   */
  public record Retry(
      @DefaultValue("10s") Duration initialDelay,
      @DefaultValue("2") double multiplier,
      @DefaultValue("1h") Duration maxDelay,
      @DefaultValue("20") int maxAttempts) {

    public Retry {
      positive(PREFIX + "retry.initial-delay", initialDelay);
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(PREFIX + "retry.max-delay must not be shorter than retry.initial-delay");
      }
      if (multiplier < 1) {
        throw new IllegalArgumentException(PREFIX + "retry.multiplier must be at least 1");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(PREFIX + "retry.max-attempts must be at least 1");
      }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration delayAfter(int failedAttempts) {
      double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
      return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
  }

  private static URI httpUrl(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !Set.of("http", "https").contains(scheme) || uri.getHost() == null) {
        throw new IllegalArgumentException(key + " must be an absolute http or https URL with a host: " + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not a valid URL: " + e.getMessage(), e);
    }
  }

  private static List<String> eventCodes(String key, List<String> codes) {
    List<String> events = codes == null ? List.of() : codes.stream().map(String::trim).toList();
    Set<String> unknown = events.stream().filter(code -> NotificationType.ofCode(code).isEmpty())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(key + " has unknown events " + unknown + "; known: "
          + NotificationType.codes());
    }
    return List.copyOf(events);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration");
    }
  }
}
