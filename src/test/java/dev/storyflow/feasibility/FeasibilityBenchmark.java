package dev.storyflow.feasibility;

import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How long the feasibility review takes, without the database: analysis, verdict (the DMN table
 * on a standalone DMN engine) and report. Measures one story at a time against 1,000 other stories,
 * batches of 100, 1,000 and 10,000 stories (each compared with all the others of its batch), and
 * the largest story the API accepts. Reports wall-clock time and the thread's CPU time (which other
 * processes on a shared machine do not inflate). Writes {@code target/feasibility-benchmark.md}. Run it with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.storyflow.feasibility.FeasibilityBenchmark}. Figures, not assertions: they
 * depend on the machine.
 */
public final class FeasibilityBenchmark {

  private static final String[] ROLES = {"customer", "warehouse clerk", "teacher", "nurse", "accountant",
      "driver", "store manager", "student", "administrator", "support agent", "recruiter", "tenant", "pharmacist",
      "dispatcher", "editor", "analyst", "traveller", "farmer", "librarian", "investor"};
  private static final String[] ACTIONS = {"export", "filter", "archive", "print", "download", "approve", "rename",
      "share", "schedule", "track", "compare", "import", "tag", "sort", "review", "book", "cancel", "renew",
      "reserve", "upload", "count", "close", "reopen", "assign", "label", "publish", "translate", "merge", "lock",
      "restore"};
  private static final String[] OBJECTS = {"invoices", "orders", "parcels", "lessons", "patients' charts", "routes",
      "shelf labels", "timesheets", "contracts", "tickets", "job offers", "rent payments", "prescriptions",
      "deliveries", "articles", "dashboards", "flights", "harvest logs", "loans", "portfolios", "recipes", "rooms",
      "vehicles", "courses", "reports", "claims", "vouchers", "surveys", "badges", "meetings", "leases", "audits",
      "menus", "playlists", "photos", "receipts", "permits", "benefits", "shifts", "warranties"};
  private static final String[] SCOPES = {"of the current month", "of my team", "for one customer", "of last year",
      "by region", "by date", "for a branch", "of a project", "by status", "for a supplier"};
  private static final String[] PURPOSES = {"I save time", "nothing is lost", "my manager sees progress",
      "customers are informed", "I meet the deadline", "the audit passes", "I can plan the week",
      "errors are caught early", "I avoid double work", "the team stays in sync"};
  private static final String[] CRITERIA = {"The list shows %d items per page", "The file is created within %d seconds",
      "A confirmation email is sent within %d minutes", "Only the last %d days are included",
      "The change is logged with user and time", "Entries older than %d months are hidden",
      "The result is quick and intuitive", "A message explains why the action failed", "Up to %d entries can be selected",
      "The total is shown with %d decimals"};

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FeasibilityBenchmark() {
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  static List<StoryInput> stories(int n, long seed) {
    Random random = new Random(seed);
    List<StoryInput> stories = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String action = ACTIONS[random.nextInt(ACTIONS.length)];
      String object = OBJECTS[random.nextInt(OBJECTS.length)];
      String means = "to " + action + " " + object + " " + SCOPES[random.nextInt(SCOPES.length)]
          + (random.nextInt(10) == 0 ? " and " + ACTIONS[random.nextInt(ACTIONS.length)] + " them" : "");
      List<String> criteria = new ArrayList<>();
      for (int c = random.nextInt(5) + 1; c > 0; c--) {
        criteria.add(String.format(Locale.ROOT, CRITERIA[random.nextInt(CRITERIA.length)], random.nextInt(50) + 1));
      }
      stories.add(new StoryInput("BM-" + i, action + " " + object, ROLES[random.nextInt(ROLES.length)], means,
          PURPOSES[random.nextInt(PURPOSES.length)], criteria, List.of("backend"), null, null, null, null,
          random.nextInt(8) == 0 ? List.of("BM-" + random.nextInt(n)) : null, null,
          random.nextInt(4) == 0 ? "Ask finance which export format they need?" : null, null));
    }
    return stories;
  }

  /** The whole review of a batch: texts, the index of the batch, analysis, verdict and report per story. */
  static long reviewBatch(List<StoryInput> stories, FeasibilityAnalyzer analyzer, VerdictTable verdicts) {
    List<StoryText> texts = stories.stream().map(StoryText::of).toList();
    StoryCorpus corpus = StoryCorpus.of(texts);
    long checksum = 0;
    for (StoryText text : texts) {
      Analysis analysis = analyzer.analyze(text, corpus);
      Verdict verdict = verdicts.decide(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
          analysis.estimate().points());
      Map<String, Object> report = FeasibilityReport.of(text.storyId(), analysis, verdict);
      checksum += report.size() + analysis.findings().size();
    }
    return checksum;
  }

  public static void main(String[] args) throws IOException {
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    VerdictTable verdicts = new DmnFileVerdictTable();
    long sink = 0;
    for (int warmup = 0; warmup < 2; warmup++) {
      sink += reviewBatch(stories(2_000, 99), analyzer, verdicts);
    }

    // one story at a time against 1,000 running stories
    List<StoryInput> running = stories(1_000, 1);
    StoryCorpus corpus = StoryCorpus.of(running.stream().map(StoryText::of).toList());
    List<StoryInput> single = stories(2_000, 2);
    long start = System.nanoTime();
    long startCpu = cpu();
    for (StoryInput story : single) {
      Analysis analysis = analyzer.analyze(StoryText.of(story), corpus);
      Verdict verdict = verdicts.decide(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
          analysis.estimate().points());
      sink += FeasibilityReport.of(story.storyId(), analysis, verdict).size();
    }
    double perStoryMs = (System.nanoTime() - start) / 1e6 / single.size();
    double perStoryCpuMs = (cpu() - startCpu) / 1e6 / single.size();

    StringBuilder md = new StringBuilder("# Feasibility review benchmark\n\n")
        .append(String.format(Locale.ROOT, "Java %s, %d cores. Analysis, DMN verdict and report; no database.%n%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()))
        .append(String.format(Locale.ROOT, "One story against 1,000 running stories: **%.3f ms** on average "
            + "(CPU %.3f ms; %d stories).%n%n", perStoryMs, perStoryCpuMs, single.size()))
        .append("| stories in the batch | total ms | ms per story | CPU ms per story |\n|---:|---:|---:|---:|\n");
    for (int n : new int[] {100, 1_000, 10_000}) {
      List<StoryInput> batch = stories(n, n);
      double best = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long t = System.nanoTime();
        long c = cpu();
        sink += reviewBatch(batch, analyzer, verdicts);
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
        bestCpu = Math.min(bestCpu, (cpu() - c) / 1e6);
      }
      md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.3f | %.3f |%n", n, best, best / n, bestCpu / n));
    }

    List<String> criteria = new ArrayList<>();
    String smelly = "The report should be fast and user-friendly etc. and show the relevant figures if possible. ";
    for (int i = 0; i < 50; i++) {
      criteria.add((i + ". " + smelly.repeat(25)).substring(0, 2000));
    }
    StoryInput big = new StoryInput("BM-BIG", "A story of 100 KB", "analyst", "to see the sales report",
        "I can plan", criteria, null, null, null, null, null, null, null, "n".repeat(20_000), null);
    double bigBest = Double.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long t = System.nanoTime();
      sink += reviewBatch(List.of(big), analyzer, verdicts);
      bigBest = Math.min(bigBest, (System.nanoTime() - t) / 1e6);
    }
    md.append(String.format(Locale.ROOT, "%nThe largest story the API accepts (50 criteria of 2,000 characters and "
        + "20,000 characters of notes, about 120 KB): **%.1f ms**.%n", bigBest));

    Path out = Path.of(args.length > 0 ? args[0] : "target/feasibility-benchmark.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md);
    System.out.println(md);
    System.out.println("(checksum " + sink + ") Written to " + out.toAbsolutePath());
  }
}
