package dev.storyflow.feasibility;

import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryVariablesMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The feasibility review of a running story with 100, 1,000 and 10,000 running stories: the real
 * application on a fresh H2 file (the shipped URL settings, job executor off so that nothing else
 * runs), real {@code story-lifecycle} instances started through the intake (100 starts per
 * transaction, to fill the database faster), 20 near-duplicates of running stories planted at each
 * size, then 200 reviews through {@link FeasibilityReviewer#reviewRunning}, the feasibility step's
 * own call: the 20 planted stories and 180 others. Per review: wall-clock time, the thread's CPU
 * time (H2 runs in the caller's thread, so it includes the database's work) and the SQL
 * statements. Each review's UNIQUE findings are compared with those of the same search over the
 * same running stories held in memory ({@link StoryCorpus#of}). Writes
 * {@code target/benchmarks/feasibility-at-scale.md}. Run it with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.storyflow.feasibility.RunningStoriesBenchmark}. Figures, not assertions.
 */
public final class RunningStoriesBenchmark {

  private static final int[] SIZES = {100, 1_000, 10_000};
  private static final int PLANTED = 20;
  private static final int REVIEWS = 200;
  private static final int WARM_UP = 100;
  private static final int STARTS_PER_TRANSACTION = 100;

  private static final String[] ROLES = {"customer", "warehouse clerk", "teacher", "nurse", "accountant", "driver",
      "store manager", "student", "administrator", "support agent", "recruiter", "tenant", "pharmacist", "editor"};
  private static final String[] VERBS = {"export", "filter", "archive", "print", "download", "approve", "rename",
      "share", "schedule", "track", "compare", "import", "tag", "sort", "review", "book", "cancel", "renew",
      "reserve", "upload", "count", "close", "reopen", "assign", "label", "publish", "translate", "merge", "lock",
      "restore", "search", "sign", "pay", "rate", "flag", "forward", "preview", "subscribe to", "invite", "attach"};
  private static final String[] OBJECTS = {"invoices", "orders", "parcels", "lessons", "patient charts", "routes",
      "shelf labels", "timesheets", "contracts", "tickets", "job offers", "rent payments", "prescriptions",
      "deliveries", "articles", "dashboards", "flights", "harvest logs", "loans", "portfolios", "recipes", "rooms",
      "vehicles", "courses", "reports", "claims", "vouchers", "surveys", "badges", "meetings", "leases", "audits",
      "menus", "playlists", "photos", "receipts", "permits", "benefits", "shifts", "warranties", "quotes", "returns",
      "refunds", "budgets", "forecasts", "invoices drafts", "bookings", "waiting lists", "exams", "grades"};
  private static final String[] SCOPES = {"of the current month", "of my team", "for one customer", "of last year",
      "by region", "by date", "for a branch", "by status", "for a supplier", "of this week"};
  private static final String[] PURPOSES = {"I save time", "nothing is lost", "my manager sees progress",
      "customers are informed", "I meet the deadline", "the audit passes", "I can plan the week",
      "errors are caught early", "I avoid double work", "the team stays in sync", "costs stay visible",
      "I answer questions faster", "the numbers add up", "nobody waits for me", "I keep my promises"};
  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ten", "vor", "lin", "sa", "dru", "pe", "zo",
      "qua", "bel", "nix", "tor", "fa", "gu", "ri", "sel", "mon", "ar", "ulm", "ve", "ost"};
  /** Project names: 5,000, the most common of them in about one story of nine (Zipf). */
  private static final int PROJECTS = 5_000;
  /** The cumulative weights of the project names' ranks, 1/1 + 1/2 + … */
  private static final double[] ZIPF = new double[PROJECTS];

  static {
    double sum = 0;
    for (int k = 0; k < PROJECTS; k++) {
      sum += 1.0 / (k + 1);
      ZIPF[k] = sum;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);
  private static final LongAdder STATEMENTS = new LongAdder();

  /** A story started in the benchmark: its text and its process instance. */
  private record Running(StoryInput story, String processInstanceId) {
  }

  /** Time, CPU time and SQL statements of one measured call. */
  private record Cost(double millis, double cpuMillis, long statements) {
  }

  /**
   * One review: its cost, the cost of its parts measured again one by one, the duplicates found and
   * those the in-memory search finds, and for a planted story whether it names the story it was made from.
   */
  private record Review(Cost whole, Cost analysis, Cost search, Cost verdict, List<String> found,
      List<String> inMemory, boolean foundOriginal) {
  }

  private RunningStoriesBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of("target", "benchmarks", "feasibility-at-scale-db").toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    SpringApplicationBuilder builder = new SpringApplicationBuilder(StoryflowApplication.class)
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(countingStatements()));
    try (ConfigurableApplicationContext app = builder.run("--server.port=0", "--spring.jmx.enabled=false",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("storyflow") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "--camunda.bpm.job-execution.enabled=false", "--storyflow.demo.enabled=false",
        "--storyflow.workspace.root=" + dir.resolve("workspaces"), "--logging.level.root=WARN")) {
      run(app, args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : SIZES);
    }
  }

  private static void run(ConfigurableApplicationContext app, int[] sizes) throws IOException {
    double loadBefore = load();
    FeasibilityReviewer reviewer = app.getBean(FeasibilityReviewer.class);
    Random random = new Random(20261130L);
    List<Running> running = new ArrayList<>();
    StringBuilder md = new StringBuilder("# Feasibility review with many running stories\n\n")
        .append(String.format(Locale.ROOT, "Java %s, %d cores, H2 file database (WRITE_DELAY=0), full history. "
            + "%d reviews per size through `FeasibilityReviewer.reviewRunning`: the %d planted near-duplicates and "
            + "%d other running stories; %d reviews before each size to warm up, not counted. Times in ms.%n%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), REVIEWS, PLANTED,
            REVIEWS - PLANTED, WARM_UP))
        .append("| running stories | start ms per story | review p50 | p90 | p99 | max | CPU p50 | CPU mean "
            + "| SQL statements per review | planted found | other reviews with findings | same as in memory |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    StringBuilder parts = new StringBuilder("\nThe same reviews' parts, each measured again on its own, right "
        + "after the review (median ms / median CPU ms / SQL statements):\n\n"
        + "| running stories | analysis | duplicate search | verdict (DMN) |\n|---:|---:|---:|---:|\n");
    Map<String, String> planted = new HashMap<>();
    Set<String> twins = new HashSet<>();
    for (int size : sizes) {
      long started = System.nanoTime();
      int before = running.size();
      List<StoryInput> stories = new ArrayList<>();
      for (int i = running.size(); i < size - PLANTED; i++) {
        stories.add(story("BM-" + i, random));
      }
      List<StoryInput> plants = new ArrayList<>();
      for (int i = 0; i < PLANTED; i++) {
        Running original = pick(running, stories, planted.keySet(), twins, random);
        StoryInput twin = nearDuplicate(original.story(), "BM-P" + size + "-" + i);
        plants.add(twin);
        planted.put(twin.storyId(), original.story().storyId());
        twins.add(original.story().storyId());
      }
      stories.addAll(plants);
      running.addAll(start(app, stories));
      double startMillis = (System.nanoTime() - started) / 1e6 / (running.size() - before);
      System.out.printf(Locale.ROOT, "%,d running stories (%.1f ms per start)%n", running.size(), startMillis);

      List<Running> others = running.stream().filter(r -> !planted.containsKey(r.story().storyId())
          && !twins.contains(r.story().storyId())).collect(Collectors.toCollection(ArrayList::new));
      Collections.shuffle(others, random);
      for (int i = 0; i < WARM_UP; i++) {
        Running r = others.get(i % others.size());
        reviewer.reviewRunning(r.story(), r.processInstanceId());
      }
      List<Running> reviewed = new ArrayList<>(running.subList(running.size() - PLANTED, running.size()));
      for (int i = 0; reviewed.size() < REVIEWS; i++) {
        reviewed.add(others.get(i % others.size()));
      }
      List<StoryText> texts = running.stream().map(r -> StoryText.of(r.story())).toList();
      List<Review> reviews = new ArrayList<>();
      for (Running r : reviewed) {
        reviews.add(review(app, r, running, texts, planted.get(r.story().storyId())));
      }
      md.append(row(size, startMillis, reviews));
      parts.append(parts(size, reviews));
      System.out.println(md.substring(md.lastIndexOf("\n| ", md.length() - 2) + 1));
    }
    md.append(parts).append("""

        *Planted found*: planted stories whose review names the running story they were made from. *Other
        reviews with findings*: reviews of the other stories that report a duplicate (the generated corpus
        has a few real near-duplicates by the rules). *Same as in memory*: reviews whose UNIQUE findings
        (story, similarity, evidence) equal those of the same search over all the other running stories
        held in memory.

        The stories: one of %d roles wants to "‹verb› the ‹object› of the ‹project› project ‹scope›" so
        that ‹purpose› (%d verbs, %d objects, %d scopes, %d purposes), the project a made-up name drawn
        from %,d with Zipf's law, as real backlogs have a few names everywhere and many in few stories. A
        planted near-duplicate takes a running story's statement with "for my team" added (a word many
        stories have) and another title. With 10,000 stories, most stories have no word that 100 stories
        or fewer hold (`StoryCorpus.MAX_POSTINGS`): those are compared with 100 of the stories holding
        their least common word, which is how a planted duplicate can be missed.
        """.formatted(ROLES.length, VERBS.length, OBJECTS.length, SCOPES.length, PURPOSES.length, PROJECTS))
        .append(String.format(Locale.ROOT, "%nSystem load average (1 minute): %.2f before the run, %.2f after; "
            + "the machine is shared.%n", loadBefore, load()));
    Path out = Path.of("target", "benchmarks", "feasibility-at-scale.md");
    Files.writeString(out, md);
    System.out.println(md);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  private static Review review(ConfigurableApplicationContext app, Running r, List<Running> running,
      List<StoryText> texts, String original) {
    FeasibilityReviewer reviewer = app.getBean(FeasibilityReviewer.class);
    RunningStories runningStories = app.getBean(RunningStories.class);
    VerdictTable verdicts = app.getBean(VerdictTable.class);
    FeasibilityAnalyzer analyzer = app.getBean(FeasibilityAnalyzer.class);
    Map<String, Object>[] report = new Map[1];
    Cost whole = measure(() -> report[0] = reviewer.reviewRunning(r.story(), r.processInstanceId()));
    StoryText text = StoryText.of(r.story());
    Cost analysis = measure(() -> analyzer.analyze(text, StoryCorpus.empty()));
    Cost search = measure(() -> StoryCorpus.of(runningStories.except(r.processInstanceId())).duplicatesOf(text));
    Cost verdict = measure(() -> verdicts.decide(0, 0, 3));
    List<StoryText> others = new ArrayList<>(texts);
    others.remove(running.indexOf(r));
    List<String> inMemory = new UniquenessCheck().check(StoryText.of(r.story()), StoryCorpus.of(others)).stream()
        .map(f -> f.message() + " | " + f.evidence().text()).toList();
    List<String> found = unique(report[0]);
    return new Review(whole, analysis, search, verdict, found, inMemory,
        original != null && found.stream().anyMatch(f -> f.contains(" | " + original + ": ")));
  }

  private static Cost measure(Runnable call) {
    STATEMENTS.reset();
    COUNTING.set(true);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    call.run();
    double millis = (System.nanoTime() - t) / 1e6;
    double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
    COUNTING.set(false);
    return new Cost(millis, cpuMillis, STATEMENTS.sum());
  }

  @SuppressWarnings("unchecked")
  private static List<String> unique(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("findings")).stream()
        .filter(f -> Criterion.UNIQUE.name().equals(f.get("criterion")))
        .map(f -> f.get("message") + " | " + ((Map<String, Object>) f.get("evidence")).get("text")).toList();
  }

  private static String parts(int size, List<Review> reviews) {
    return String.format(Locale.ROOT, "| %,d | %s | %s | %s |%n", size, median(reviews.stream().map(Review::analysis)),
        median(reviews.stream().map(Review::search)), median(reviews.stream().map(Review::verdict)));
  }

  private static String median(java.util.stream.Stream<Cost> costs) {
    List<Cost> all = costs.toList();
    return String.format(Locale.ROOT, "%.2f / %.2f / %.1f",
        percentile(all.stream().mapToDouble(Cost::millis).sorted().toArray(), 50),
        percentile(all.stream().mapToDouble(Cost::cpuMillis).sorted().toArray(), 50),
        all.stream().mapToLong(Cost::statements).average().orElse(0));
  }

  private static String row(int size, double startMillis, List<Review> reviews) {
    double[] millis = reviews.stream().mapToDouble(r -> r.whole().millis()).sorted().toArray();
    double[] cpu = reviews.stream().mapToDouble(r -> r.whole().cpuMillis()).sorted().toArray();
    List<Review> plantedReviews = reviews.subList(0, PLANTED);
    List<Review> otherReviews = reviews.subList(PLANTED, reviews.size());
    long plantedFound = plantedReviews.stream().filter(Review::foundOriginal).count();
    long othersWithFindings = otherReviews.stream().filter(r -> !r.found().isEmpty()).count();
    long same = reviews.stream().filter(r -> r.found().equals(r.inMemory())).count();
    return String.format(Locale.ROOT, "| %,d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f "
            + "| %d of %d | %d of %d | %d of %d |%n", size, startMillis, percentile(millis, 50), percentile(millis, 90),
        percentile(millis, 99), millis[millis.length - 1], percentile(cpu, 50), Arrays.stream(cpu).average().orElse(0),
        reviews.stream().mapToLong(r -> r.whole().statements()).average().orElse(0), plantedFound, PLANTED,
        othersWithFindings, otherReviews.size(), same, reviews.size());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Starts the stories through the intake, as StoryService does, many per transaction. */
  private static List<Running> start(ConfigurableApplicationContext app, List<StoryInput> stories) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    StoryVariablesMapper mapper = app.getBean(StoryVariablesMapper.class);
    TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    List<Running> started = new ArrayList<>();
    for (int i = 0; i < stories.size(); i += STARTS_PER_TRANSACTION) {
      List<StoryInput> some = stories.subList(i, Math.min(stories.size(), i + STARTS_PER_TRANSACTION));
      transaction.executeWithoutResult(tx -> some.forEach(story -> started.add(new Running(story,
          runtime.startProcessInstanceByKey(StoryProcess.KEY, story.storyId(), mapper.toVariables(story)).getId()))));
      if (started.size() % 1_000 == 0) {
        System.out.printf(Locale.ROOT, "  %,d started%n", started.size());
      }
    }
    return started;
  }

  private static StoryInput story(String storyId, Random random) {
    String verb = VERBS[random.nextInt(VERBS.length)];
    String object = OBJECTS[random.nextInt(OBJECTS.length)];
    String project = project(random);
    String means = "to " + verb + " the " + object + " of the " + project + " project "
        + SCOPES[random.nextInt(SCOPES.length)];
    return new StoryInput(storyId, capitalized(verb) + " " + object + " of " + project,
        ROLES[random.nextInt(ROLES.length)], means, PURPOSES[random.nextInt(PURPOSES.length)],
        List.of("The list shows " + (random.nextInt(50) + 10) + " items per page"), List.of("backend"), null, null,
        null, null, null, null, null, null);
  }

  /** The story's statement with "for my team" added (a word many stories have), under another title. */
  private static StoryInput nearDuplicate(StoryInput original, String storyId) {
    String means = original.iWant() + " for my team";
    return new StoryInput(storyId, "New: " + original.title().replace(" of ", " in "), original.asA(), means,
        original.soThat(), original.acceptanceCriteria(), original.components(), null, null, null, null, null, null,
        null, null);
  }

  /** A story to plant a duplicate of: one already running, or one about to start; never one used before. */
  private static Running pick(List<Running> running, List<StoryInput> starting, Set<String> planted, Set<String> twins,
      Random random) {
    while (true) {
      int i = random.nextInt(running.size() + starting.size());
      Running candidate = i < running.size() ? running.get(i) : new Running(starting.get(i - running.size()), null);
      String id = candidate.story().storyId();
      if (!planted.contains(id) && !twins.contains(id)) {
        return candidate;
      }
    }
  }

  /** A made-up project name, its rank drawn with Zipf's law (s = 1). */
  private static String project(Random random) {
    int found = Arrays.binarySearch(ZIPF, random.nextDouble() * ZIPF[PROJECTS - 1]);
    int rank = (found >= 0 ? found : -found - 1) + 1;
    Random name = new Random(rank);
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      s.append(SYLLABLES[name.nextInt(SYLLABLES.length)]);
    }
    return capitalized(s.toString());
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Wraps the data source so that the statements a review runs on this thread are counted. */
  private static BeanPostProcessor countingStatements() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
          return ProxyDataSourceBuilder.create(dataSource).name(beanName).afterQuery((execution, queries) -> {
            if (COUNTING.get()) {
              STATEMENTS.add(queries.size());
            }
          }).build();
        }
        return bean;
      }
    };
  }
}
