package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Run numbers on H2 and on a real PostgreSQL, migrated by Flyway as Storyflow migrates them. */
class RunStoreIT {

  private static final int THREADS = 8;
  private static final int STORIES = 10;
  private static final int RUNS_PER_THREAD = 5;

  private static final DatabasePreparer EMPTY = dataSource -> { };

  /** One PostgreSQL for all tests (it is cached by preparer), an empty database of its own for each. */
  @RegisterExtension
  final PreparedDbExtension postgres = EmbeddedPostgresExtension.preparedDatabase(EMPTY);

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void parallelRunsOfAStoryGetDistinctNumbersFromOne(String database) throws Exception {
    // given new stories
    RunStore runs = store(migrated(database, null));
    List<String> stories = IntStream.range(0, STORIES).mapToObj(i -> "pi-" + UUID.randomUUID()).toList();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    // when every thread starts runs of each story, all at the same moment (the first ones too)
    List<Future<Map<String, List<Integer>>>> started = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      started.add(threads.submit(startRuns(runs, stories, go)));
    }
    go.countDown();
    Map<String, List<Integer>> numbers = new HashMap<>();
    for (Future<Map<String, List<Integer>>> future : started) {
      future.get().forEach((story, some) -> numbers.computeIfAbsent(story, s -> new ArrayList<>()).addAll(some));
    }
    threads.shutdown();

    // then every run of a story has a number of its own, 1, 2, 3, ... with no gap
    List<Integer> expected = IntStream.rangeClosed(1, THREADS * RUNS_PER_THREAD).boxed().toList();
    for (String story : stories) {
      assertThat(numbers.get(story)).as(story).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(runs.list(story)).extracting(AgentRun::number).as(story).containsExactlyElementsOf(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void eachStoryCountsItsOwnRuns(String database) {
    // given
    RunStore runs = store(migrated(database, null));

    // when
    int first = runs.start("pi-a-" + UUID.randomUUID(), "US-A", "plan", null).number();
    String other = "pi-b-" + UUID.randomUUID();
    int second = runs.start(other, "US-B", "plan", null).number();
    int third = runs.start(other, "US-B", "implement", null).number();

    // then
    assertThat(List.of(first, second, third)).containsExactly(1, 1, 2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void storiesWithRunsBeforeTheMigrationGoOnFromTheirLastNumber(String database) {
    // given runs numbered before version 3
    DataSource dataSource = migrated(database, "2");
    String story = "pi-" + UUID.randomUUID();
    for (int number = 1; number <= 3; number++) {
      new JdbcTemplate(dataSource).update("INSERT INTO SF_AGENT_RUN (PROC_INST_ID, RUN_NUMBER, STORY_ID, STEP, "
          + "ATTEMPT, OUTCOME, STARTED) VALUES (?, ?, 'US-OLD', 'plan', 1, 'DONE', CURRENT_TIMESTAMP)", story, number);
    }

    // when
    migrated(dataSource, database, null);
    int next = store(dataSource).start(story, "US-OLD", "plan", null).number();

    // then
    assertThat(next).isEqualTo(4);
  }

  private static Callable<Map<String, List<Integer>>> startRuns(RunStore runs, List<String> stories,
      CountDownLatch go) {
    return () -> {
      go.await();
      Map<String, List<Integer>> numbers = new HashMap<>();
      for (int i = 0; i < RUNS_PER_THREAD; i++) {
        for (String story : stories) {
          numbers.computeIfAbsent(story, s -> new ArrayList<>()).add(runs.start(story, "US", "implement", null).number());
        }
      }
      return numbers;
    };
  }

  private static RunStore store(DataSource dataSource) {
    // publish (the agentRuns variable) needs the engine; these tests record runs only
    return new RunStoreTable(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), null);
  }

  /** The test's database, new, migrated up to {@code target} (all the way when null). */
  private DataSource migrated(String database, String target) {
    DataSource dataSource;
    if (database.equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    } else {
      dataSource = postgres.getTestDatabase();
    }
    return migrated(dataSource, database, target);
  }

  private static DataSource migrated(DataSource dataSource, String database, String target) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + database);
    if (target != null) {
      flyway.target(target);
    }
    flyway.load().migrate();
    return dataSource;
  }
}
