package dev.storyflow.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of a claimed outbox row through its channel, and what it leaves in the outbox:
 * sent; refused for good; or released for another attempt after the backoff (a longer
 * {@code Retry-After} honoured up to {@code max-delay}), until {@code max-attempts} gives it up.
 */
final class Deliveries {

  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  private final Outbox outbox;
  private final Map<String, Channel> channels;
  private final NotificationProperties.Retry retry;
  private final String node;

  Deliveries(Outbox outbox, List<Channel> channels, NotificationProperties.Retry retry, String node) {
    this.outbox = outbox;
    this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, channel -> channel));
    this.retry = retry;
    this.node = node;
  }

  /** The channels this node can deliver to; it claims rows of these only. */
  Set<String> channels() {
    return channels.keySet();
  }

  void deliver(Outbox.Entry entry) {
    Channel.Attempt attempt;
    try {
      attempt = channels.get(entry.channel()).deliver(entry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempt = Channel.Attempt.retry("interrupted: Storyflow is stopping", null);
    } catch (Exception e) {
      attempt = Channel.Attempt.retry(e.toString(), null);
    }
    try {
      if (!record(entry, attempt, Instant.now())) {
        LOG.warn("Notification {} to {}: its claim ran out before the attempt ended; another node has the row",
            entry.eventId(), entry.channel());
      }
    } catch (RuntimeException e) {
      LOG.warn("Notification {} to {}: could not record the attempt ({}); its claim runs out and it is tried again",
          entry.eventId(), entry.channel(), e.getMessage());
    }
  }

  private boolean record(Outbox.Entry entry, Channel.Attempt attempt, Instant now) {
    int attempts = entry.attempts() + 1;
    if (attempt.outcome() == Channel.Outcome.SENT) {
      LOG.debug("Notification {} {} of story {} sent: {}", entry.event(), entry.eventId(), entry.storyId(),
          attempt.result());
      return outbox.sent(entry, node, now, attempt.result());
    }
    if (attempt.outcome() == Channel.Outcome.REFUSED || attempts >= retry.maxAttempts()) {
      LOG.error("Notification {} of story {} to {} given up after {} attempt(s): {}", entry.event(), entry.storyId(),
          entry.channel(), attempts, attempt.result());
      return outbox.failed(entry, node, now, attempt.result());
    }
    Duration wait = wait(attempts, attempt.retryAfter());
    LOG.warn("Notification {} of story {} to {} failed (attempt {}), next in {}: {}", entry.event(), entry.storyId(),
        entry.channel(), attempts, wait, attempt.result());
    return outbox.retryAt(entry, node, now.plus(wait), attempt.result());
  }

  private Duration wait(int failedAttempts, Duration retryAfter) {
    Duration backoff = retry.delayAfter(failedAttempts);
    if (retryAfter == null || retryAfter.compareTo(backoff) <= 0) {
      return backoff;
    }
    return retryAfter.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : retryAfter;
  }
}
