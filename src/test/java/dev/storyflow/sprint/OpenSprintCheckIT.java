package dev.storyflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A planning into a sprint and the sprint's close, at the same moment, on two threads: the
 * planning's check holds the sprint's row until it commits, so the close waits for it, and a
 * planning after the close is refused. (H2 says which session blocks which, so the test sees the
 * close wait instead of guessing a time; the lock timeout is long enough for a slow machine.)
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:storyflow-sprint-locks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
@ActiveProfiles("test")
class OpenSprintCheckIT {

  @Autowired
  SprintService sprints;

  @Autowired
  OpenSprintCheck check;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aClosingWaitsForAPlanningThatCheckedTheSprintAndAPlanningAfterItIsRefused() throws Exception {
    // given an open sprint
    String sprintId = "lk-" + UUID.randomUUID().toString().substring(0, 8);
    sprints.create(new SprintInput(sprintId, "Sprint 40", null, null, null), "po");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // when a planning has checked the sprint and has not committed yet
      CountDownLatch checked = new CountDownLatch(1);
      CountDownLatch commit = new CountDownLatch(1);
      Future<Optional<String>> planning = threads.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
        Optional<String> refusal = check.refusal(sprintId);
        checked.countDown();
        awaitQuietly(commit);
        return refusal;
      }));
      assertThat(checked.await(60, TimeUnit.SECONDS)).isTrue();
      // and the product owner closes the sprint meanwhile
      Future<SprintClosing> closing = threads.submit(() -> sprints.close(sprintId));

      // then the close waits for the planning's lock
      awaitABlockedSession();
      assertThat(closing.isDone()).isFalse();
      assertThat(sprints.get(sprintId).state()).isEqualTo(SprintState.PLANNED);

      // and once the planning commits (accepted), the close goes through
      commit.countDown();
      assertThat(planning.get(60, TimeUnit.SECONDS)).isEmpty();
      assertThat(closing.get(60, TimeUnit.SECONDS).sprintId()).isEqualTo(sprintId);

      // and a planning after the close is refused
      assertThat(check.refusal(sprintId)).hasValueSatisfying(why -> assertThat(why).contains("not closed"));
    } finally {
      threads.shutdownNow();
    }
  }

  /** Waits until H2 reports a session waiting for another's lock. */
  private void awaitABlockedSession() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Integer blocked = jdbc.queryForObject(
          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL", Integer.class);
      if (blocked != null && blocked > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the close never waited for the planning's lock");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
