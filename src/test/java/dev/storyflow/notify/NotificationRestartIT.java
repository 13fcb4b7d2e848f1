package dev.storyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.StoryflowApplication;
import dev.storyflow.crash.StoryflowProcess;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} with notifications pending: Storyflow runs as a process of its own, writes the
 * notifications of a new story for a webhook that never answers, and is killed with SIGKILL while
 * its one delivery thread is stuck on the first of them. Started again on the same H2 file, it
 * sends every one of them: the one never claimed at once, the one the dead process had claimed
 * once that claim has run out.
 */
class NotificationRestartIT {

  private static final String HOOK = "/hook";

  @TempDir
  Path data;

  @Test
  void notificationsPendingWhenStoryflowIsKilledAreSentAfterTheRestart() throws Exception {
    String storyId = "US-KILL-1";
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      // given a receiver that holds every request and never answers it in time
      CountDownLatch release = new CountDownLatch(1);
      receiver.answer(HOOK, request -> {
        release.await();
        return 503;
      });

      // and a Storyflow process that starts a story, its sender stuck on the story's first notification
      int port = StoryflowProcess.freePort();
      StoryflowProcess first = StoryflowProcess.start("first", data, arguments(receiver, port, 1, "5s"));
      try {
        HttpTestClient http = new HttpTestClient(port);
        first.awaitReady(() -> answers(http));
        HttpTestClient.Reply started = http.post("po", "/api/stories", Map.of("storyId", storyId,
            "title", "Export invoices as CSV", "asA", "accountant", "iWant", "to export the month's invoices",
            "soThat", "I can book them", "acceptanceCriteria", List.of("The export has one line per invoice"),
            "components", List.of("backend")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        await(() -> !receiver.requests(HOOK).isEmpty(), "the sender to be stuck on a notification");

        // when the process is killed
        first.kill();
      } finally {
        first.close();
      }
      release.countDown();

      // then its notifications are still in the outbox, pending, one of them claimed by the dead process
      JdbcTemplate file = new JdbcTemplate(h2File());
      List<Map<String, Object>> pending = file.queryForList("SELECT EVENT_ID, STATE, CLAIMED_BY FROM "
          + "SF_NOTIFICATION_OUTBOX WHERE STORY_ID = ?", storyId);
      assertThat(pending).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("STATE", "PENDING"));
      assertThat(pending).anySatisfy(row -> assertThat(row.get("CLAIMED_BY")).isNotNull());
      file.execute("SHUTDOWN");

      // and after the restart every one of them is sent, once
      receiver.answer(HOOK, request -> 200);
      try (ConfigurableApplicationContext second = new SpringApplicationBuilder(StoryflowApplication.class)
          .profiles("test").run(arguments(receiver, 0, 4, "1s").toArray(String[]::new))) {
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM SF_NOTIFICATION_OUTBOX WHERE STORY_ID = ? "
            + "AND STATE = 'SENT'", Integer.class, storyId) == 2, "the pending notifications to be sent");
      }
      for (Map<String, Object> row : pending) {
        String eventId = (String) row.get("EVENT_ID");
        assertThat(receiver.requests(HOOK, eventId)).filteredOn(request -> request.answered() == 200)
            .as("deliveries of %s", eventId).hasSize(1);
      }
      assertThat(receiver.requests(HOOK)).filteredOn(request -> request.answered() == 200)
          .extracting(request -> request.json().path("task").path("taskDefinitionKey").asText())
          .containsExactlyInAnyOrder("Task_ArchitectReview", "Task_SecurityEarlyReview");
    }
  }

  /**
   * As an operator would start a node: the production database URL on a file, the webhook. The first
   * process's timeout (5 s) keeps its claim alive until the kill; its claim runs out 45 s after it was made.
   */
  private List<String> arguments(WebhookReceiver receiver, int port, int threads, String timeout) {
    return new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.jmx.enabled=false",
        "--spring.datasource.url=" + h2Url(),
        "--camunda.bpm.job-execution.enabled=false",
        "--storyflow.workspace.root=" + data.resolve("workspaces"),
        "--storyflow.notifications.webhooks[0].url=" + receiver.url(HOOK),
        "--storyflow.notifications.threads=" + threads,
        "--storyflow.notifications.timeout=" + timeout,
        "--storyflow.notifications.retry.initial-delay=100ms",
        "--storyflow.notifications.retry.max-delay=200ms"));
  }

  private String h2Url() {
    return "jdbc:h2:file:" + data.resolve("storyflow") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  private JdbcDataSource h2File() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(h2Url());
    h2.setUser("sa");
    return h2;
  }

  private static boolean answers(HttpTestClient http) {
    try {
      return http.get("po", "/api/stories").status() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
