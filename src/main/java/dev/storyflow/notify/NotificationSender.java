package dev.storyflow.notify;

import dev.storyflow.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox after the story's transaction has committed, on threads of its own: a slow,
 * hanging or failing receiver costs a delivery thread, never a story. Each row is claimed with a
 * conditional UPDATE before it is sent, so of several nodes exactly one sends it, and this node
 * never sends a row it is already sending; a failed delivery is released with its next attempt
 * due after an exponential backoff; a crashed node's claims run out and its rows are sent by the
 * next node to look. A receiver may see an event twice only when a node dies between the
 * receiver's answer and the row being marked sent: {@code X-Storyflow-Event-Id} tells them apart.
 */
@Component
class NotificationSender implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final Duration MIN_WAIT = Duration.ofMillis(50);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final Outbox outbox;
  private final OutboxSignal signal;
  private final NotificationProperties properties;
  private final Deliveries deliveries;
  private final String node;
  private final Semaphore slots;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private ExecutorService threads;
  private Thread loop;
  private volatile boolean running;
  private Instant lastPurge = Instant.EPOCH;

  NotificationSender(Outbox outbox, OutboxSignal signal, NotificationProperties properties,
      ObjectProvider<JavaMailSender> mail, IdentityService identity, ObjectMapper json) {
    this.outbox = outbox;
    this.signal = signal;
    this.properties = properties;
    this.node = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.slots = new Semaphore(properties.threads());
    List<Channel> channels = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    for (NotificationProperties.Webhook webhook : properties.webhooks()) {
      channels.add(new WebhookChannel(webhook, http, properties.timeout()));
    }
    mail.ifAvailable(sender -> channels.add(
        new MailChannel(sender, identity, properties.mail().from(), properties.timeout(), json)));
    this.deliveries = new Deliveries(outbox, channels, properties.retry(), node);
  }

  @Override
  public void start() {
    if (deliveries.channels().isEmpty()) {
      LOG.info("Notifications are off: no webhook (storyflow.notifications.webhooks) and no mail (spring.mail.host)");
      return;
    }
    threads = Executors.newFixedThreadPool(properties.threads(), DaemonThreads.named("storyflow-notify-send"));
    running = true;
    loop = DaemonThreads.named("storyflow-notify").newThread(this::loop);
    loop.start();
    LOG.info("Notification sender {} delivers to {} webhook(s){} with {} thread(s)", node,
        properties.webhooks().size(), deliveries.channels().contains(Routing.MAIL) ? " and mail" : "",
        properties.threads());
  }

  /** Lets deliveries under way finish (at most one timeout), so that they are marked and not sent again. */
  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    signal.wakeUp();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(properties.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
      }
      loop.join(1_000);
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      try {
        int dispatched = dispatch();
        purgeNowAndThen();
        if (dispatched == 0) {
          signal.await(untilNextDue());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Looking for notifications to send failed ({}); trying again", e.getMessage());
          pause();
        }
      }
    }
  }

  /** Claims as many due rows as there are free threads and hands them to the threads. */
  private int dispatch() throws InterruptedException {
    int free = slots.availablePermits();
    if (free == 0) {
      return 0;
    }
    Instant now = Instant.now();
    int dispatched = 0;
    List<Outbox.Entry> candidates = outbox.claimable(deliveries.channels(), free + inFlight.size(), now);
    for (Outbox.Entry entry : candidates) {
      if (dispatched == free || !running) {
        break;
      }
      if (inFlight.contains(entry.id()) || !outbox.claim(entry, node, now, now.plus(properties.claimDuration()))) {
        continue;
      }
      slots.acquire();
      inFlight.add(entry.id());
      dispatched++;
      threads.execute(() -> {
        try {
          deliveries.deliver(entry);
        } finally {
          inFlight.remove(entry.id());
          slots.release();
          signal.wakeUp();
        }
      });
    }
    return dispatched;
  }

  private Duration untilNextDue() {
    Duration wait = outbox.nextDue(deliveries.channels()).map(next -> Duration.between(Instant.now(), next))
        .orElse(properties.pollInterval());
    if (wait.compareTo(properties.pollInterval()) > 0) {
      return properties.pollInterval();
    }
    return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
  }

  private void purgeNowAndThen() {
    Instant now = Instant.now();
    if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
      lastPurge = now;
      int purged = outbox.purge(deliveries.channels(), now.minus(properties.keepSent()));
      if (purged > 0) {
        LOG.info("Removed {} notification(s) older than {}: sent, given up, or for a channel no longer configured",
            purged, properties.keepSent());
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "storyflow";
    }
  }
}
