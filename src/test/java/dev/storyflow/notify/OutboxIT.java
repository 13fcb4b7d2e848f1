package dev.storyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's claims on H2 and on a real PostgreSQL, migrated by Flyway as Storyflow migrates
 * them: of several nodes exactly one gets a row, a claim holds until it runs out, a failed attempt
 * is due again after its backoff, and nothing done is ever due again. The time is the test's.
 */
class OutboxIT {

  private static final int NODES = 8;
  private static final int ROWS = 40;
  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final Duration CLAIM = Duration.ofMinutes(1);
  private static final List<String> CHANNELS = List.of("webhook:a", "webhook:b", "mail");

  private static final DatabasePreparer EMPTY = dataSource -> { };

  @RegisterExtension
  final PreparedDbExtension postgres = EmbeddedPostgresExtension.preparedDatabase(EMPTY);

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void ofNodesClaimingAtOnceExactlyOneGetsEachRow(String database) throws Exception {
    // given pending notifications
    Outbox outbox = new Outbox(new JdbcTemplate(migrated(database)));
    IntStream.range(0, ROWS).forEach(i -> insert(outbox, "US-" + i, "webhook:a", "mail"));

    // when every node claims everything it sees, all at the same moment
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    List<Future<List<Long>>> claims = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      claims.add(nodes.submit(claimAll(outbox, "node-" + n, go)));
    }
    go.countDown();
    List<Long> claimed = new ArrayList<>();
    for (Future<List<Long>> claim : claims) {
      claimed.addAll(claim.get());
    }
    nodes.shutdown();

    // then each row was claimed once, by one node
    assertThat(claimed).hasSize(ROWS * 2).doesNotHaveDuplicates();
    assertThat(outbox.claimable(CHANNELS, 1000, T0.plusSeconds(1))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aClaimHoldsUntilItRunsOutThenAnotherNodeTakesTheRowOver(String database) {
    // given a row claimed by node A
    Outbox outbox = new Outbox(new JdbcTemplate(migrated(database)));
    insert(outbox, "US-1", "webhook:a");
    Outbox.Entry row = outbox.claimable(CHANNELS, 10, T0).get(0);
    assertThat(outbox.claim(row, "node-a", T0, T0.plus(CLAIM))).isTrue();

    // when node B looks while the claim holds, and after it ran out (A died)
    Instant during = T0.plusSeconds(30);
    Instant after = T0.plus(CLAIM).plusSeconds(1);

    // then B sees nothing and gets nothing during the claim, and takes the row over after it
    assertThat(outbox.claimable(CHANNELS, 10, during)).isEmpty();
    assertThat(outbox.claim(row, "node-b", during, during.plus(CLAIM))).isFalse();
    assertThat(outbox.claimable(CHANNELS, 10, after)).extracting(Outbox.Entry::id).containsExactly(row.id());
    assertThat(outbox.claim(row, "node-b", after, after.plus(CLAIM))).isTrue();
    // A, late, cannot mark what is no longer its own; B can, and then the row is done for everyone
    assertThat(outbox.sent(row, "node-a", after, "HTTP 200")).isFalse();
    assertThat(outbox.sent(row, "node-b", after, "HTTP 200")).isTrue();
    assertThat(outbox.claimable(CHANNELS, 10, after.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(outbox.nextDue(CHANNELS)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailedAttemptIsDueAgainAtItsNextAttemptAndOnlyThen(String database) {
    // given a claimed row whose delivery failed
    Outbox outbox = new Outbox(new JdbcTemplate(migrated(database)));
    insert(outbox, "US-1", "webhook:a");
    Outbox.Entry first = outbox.claimable(CHANNELS, 10, T0).get(0);
    outbox.claim(first, "node-a", T0, T0.plus(CLAIM));

    // when it is released for a retry in ten seconds
    assertThat(outbox.retryAt(first, "node-a", T0.plusSeconds(10), "HTTP 503")).isTrue();

    // then it is not due before, due then with one attempt made, and a stale read of it cannot be claimed
    assertThat(outbox.nextDue(CHANNELS)).contains(T0.plusSeconds(10));
    assertThat(outbox.claimable(CHANNELS, 10, T0.plusSeconds(9))).isEmpty();
    List<Outbox.Entry> due = outbox.claimable(CHANNELS, 10, T0.plusSeconds(10));
    assertThat(due).extracting(Outbox.Entry::attempts).containsExactly(1);
    assertThat(outbox.claim(first, "node-b", T0.plusSeconds(10), T0.plusSeconds(70))).isFalse();
    assertThat(outbox.claim(due.get(0), "node-b", T0.plusSeconds(10), T0.plusSeconds(70))).isTrue();
    assertThat(outbox.nextDue(CHANNELS)).contains(T0.plusSeconds(70));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aNodeClaimsOnlyTheChannelsItHas(String database) {
    // given rows for a webhook this node has and for one it has not (yet, or any more)
    Outbox outbox = new Outbox(new JdbcTemplate(migrated(database)));
    insert(outbox, "US-1", "webhook:a", "webhook:new");

    // then only the known channel's row is due here
    assertThat(outbox.claimable(List.of("webhook:a"), 10, T0)).extracting(Outbox.Entry::channel)
        .containsExactly("webhook:a");
    assertThat(outbox.claimable(List.of(), 10, T0)).isEmpty();
    assertThat(outbox.nextDue(List.of("webhook:b"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void doneRowsArePurgedAfterTheirTimePendingRowsStayUnlessTheirChannelIsGone(String database) {
    // given a sent row, a failed row, a pending row, and a pending row of a webhook since removed, all old
    JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
    Outbox outbox = new Outbox(jdbc);
    insert(outbox, "US-1", "webhook:a", "webhook:b", "mail", "webhook:removed");
    List<Outbox.Entry> rows = outbox.claimable(CHANNELS, 10, T0);
    rows.forEach(row -> outbox.claim(row, "node-a", T0, T0.plus(CLAIM)));
    outbox.sent(rows.get(0), "node-a", T0, "HTTP 200");
    outbox.failed(rows.get(1), "node-a", T0, "HTTP 404");

    // when old rows are purged a day later
    int purged = outbox.purge(CHANNELS, T0.plus(Duration.ofDays(1)));

    // then only the pending row of a configured channel is left
    assertThat(purged).isEqualTo(3);
    assertThat(jdbc.queryForList("SELECT CHANNEL FROM SF_NOTIFICATION_OUTBOX", String.class))
        .containsExactly(rows.get(2).channel());
  }

  private static void insert(Outbox outbox, String storyId, String... channels) {
    outbox.insert(UUID.randomUUID().toString(), NotificationType.TASK_WAITING, storyId, "{\"text\":\"t\"}",
        List.of(channels), T0);
  }

  private static Callable<List<Long>> claimAll(Outbox outbox, String node, CountDownLatch go) {
    return () -> {
      go.await();
      List<Long> claimed = new ArrayList<>();
      for (Outbox.Entry row : outbox.claimable(CHANNELS, 1000, T0)) {
        if (outbox.claim(row, node, T0, T0.plus(CLAIM))) {
          claimed.add(row.id());
        }
      }
      return claimed;
    };
  }

  /** The test's database, new, migrated all the way. */
  private DataSource migrated(String database) {
    DataSource dataSource;
    if (database.equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    } else {
      dataSource = postgres.getTestDatabase();
    }
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + database).load().migrate();
    return dataSource;
  }
}
