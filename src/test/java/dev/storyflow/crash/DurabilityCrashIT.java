package dev.storyflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledged means durable: 20 stories are walked over REST by 4 clients while Storyflow, a
 * process of its own, is killed with {@code kill -9} at a random moment, three times, each time
 * started again on the same database. Every story creation (201) and task completion (204) that a
 * client got before a kill is still there after the restart, and every story goes on to Done.
 * <p>
 * On H2 the node runs with the shipped database settings (the file under {@code ./data/} in its
 * working directory, as an operator starts it); on PostgreSQL with the {@code postgres} profile
 * against an embedded PostgreSQL server, which keeps running (only Storyflow is killed). The kill
 * moments come from {@value #SEED_PROPERTY} (default {@value #DEFAULT_SEED}), so a failing run can
 * be repeated. A step in flight at a kill is taken over by the restarted node once the dead node's
 * locks run out: 20 s here, so the test stays short.
 */
class DurabilityCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(DurabilityCrashIT.class);

  static final String SEED_PROPERTY = "storyflow.crash.seed";
  static final long DEFAULT_SEED = 20_261_130L;
  static final int STORIES = 20;
  static final int CLIENTS = 4;
  static final int KILLS = 3;
  /** A kill comes this long after the clients started (again), at the earliest and at the latest. */
  static final Duration EARLIEST_KILL = Duration.ofSeconds(1);
  static final Duration LATEST_KILL = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void acknowledgedWorkSurvivesKillsOnH2() throws Exception {
    crashAndRecover("h2", List.of());
  }

  @Test
  void acknowledgedWorkSurvivesKillsOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      crashAndRecover("postgres", List.of(
          "--spring.profiles.active=postgres",
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          "--storyflow.demo.enabled=true"));
    }
  }

  private void crashAndRecover(String database, List<String> databaseArguments) throws Exception {
    long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    Random random = new Random(seed + database.hashCode());
    Acknowledgements acknowledged = new Acknowledgements();
    int port = StoryflowProcess.freePort();
    HttpTestClient http = new HttpTestClient(port);
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      stories.add("DUR-" + database.toUpperCase() + "-" + (i + 1));
    }

    StoryflowProcess node = start(database, 0, port, databaseArguments);
    try {
      new RestStoryWalker(http); // makes and starts the sprint the stories are planned into
      for (String storyId : stories) {
        Reply created = http.post("po", "/api/stories", story(storyId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        acknowledged.created(storyId);
      }
      for (int kill = 1; kill <= KILLS; kill++) {
        // given 4 clients walking the stories
        try (Clients clients = new Clients(http, stories, acknowledged)) {
          // when Storyflow is killed at a random moment
          long delay = EARLIEST_KILL.toMillis()
              + (long) (random.nextDouble() * (LATEST_KILL.toMillis() - EARLIEST_KILL.toMillis()));
          Thread.sleep(delay);
          node.kill();
          clients.awaitStopped();
          String round = "seed " + seed + ", kill " + kill + " after " + delay + " ms";
          LOG.info("{}: kill {} after {} ms, {} completions acknowledged so far", database, kill, delay,
              acknowledged.completions().size());
          assertThat(clients.refusals()).as("answers other than 204 before the kill (%s)", round).isEmpty();

          // then after a restart on the same database, everything acknowledged is still done
          node = start(database, kill, port, databaseArguments);
          acknowledged.assertStillDone(http, round);
        }
      }

      assertThat(acknowledged.completions()).as("completions acknowledged before the last kill").isNotEmpty();

      // and every story goes on to Done
      try (Clients clients = new Clients(http, stories, acknowledged)) {
        clients.awaitAllDone(Duration.ofMinutes(5));
        assertThat(clients.refusals()).as("answers other than 204 after the last restart").isEmpty();
      }
      for (String storyId : stories) {
        assertThat(http.get("admin", "/api/stories/" + storyId).json().path("status").asText()).as(storyId)
            .isEqualTo("DONE");
      }
      acknowledged.assertStillDone(http, "the end");
    } finally {
      node.close();
    }
  }

  private StoryflowProcess start(String database, int restart, int port, List<String> databaseArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.jmx.enabled=false",
        // a dead node's locks run out after 20 s (the defaults: 2 minutes for a step, 5 for a job)
        "--storyflow.worker.lock-duration=20s",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000"));
    arguments.addAll(databaseArguments);
    HttpTestClient http = new HttpTestClient(port);
    return StoryflowProcess.start("durability-" + database + "-" + restart, Path.of("target", "process-logs"), dir,
        arguments).awaitReady(() -> answers(http));
  }

  private static boolean answers(HttpTestClient http) {
    try {
      return http.get("po", "/api/stories").status() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  static Map<String, Object> story(String storyId) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Export the invoices of a month");
    story.put("asA", "bookkeeper");
    story.put("iWant", "to export the invoices of a month as a CSV file");
    story.put("soThat", "I can import them into the accounting tool");
    story.put("acceptanceCriteria", List.of("The file has one line per invoice"));
    story.put("components", List.of("backend"));
    return story;
  }

  /** {@link #CLIENTS} threads, each walking its share of the stories until it is stopped or they are Done. */
  static final class Clients implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
    private final List<AcknowledgingClient> clients = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();

    Clients(HttpTestClient http, List<String> stories, Acknowledgements acknowledged) {
      for (int c = 0; c < CLIENTS; c++) {
        List<String> share = new ArrayList<>();
        for (int i = c; i < stories.size(); i += CLIENTS) {
          share.add(stories.get(i));
        }
        AcknowledgingClient client = new AcknowledgingClient(http, share, acknowledged);
        clients.add(client);
        running.add(threads.submit(client));
      }
    }

    /** Waits until every client has stopped: the node it talks to is gone. */
    void awaitStopped() throws Exception {
      for (Future<?> client : running) {
        client.get();
      }
    }

    void awaitAllDone(Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (running.stream().anyMatch(client -> !client.isDone()) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(running).as("clients still walking after %s", timeout).allMatch(Future::isDone);
      awaitStopped();
    }

    List<String> refusals() {
      return clients.stream().flatMap(client -> client.refusals().stream()).toList();
    }

    @Override
    public void close() {
      clients.forEach(AcknowledgingClient::stop);
      threads.shutdownNow();
    }
  }
}
