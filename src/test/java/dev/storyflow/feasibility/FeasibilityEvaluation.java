package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.feasibility.PublicStorySet.Labelled;
import dev.storyflow.feasibility.PublicStorySet.Part;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How well the feasibility review agrees with people's labels, per criterion, with every count.
 * Measures the public story set ({@link PublicStorySet}: real stories, development part always, the
 * frozen test part only with {@code --test}), and the project's own fixture stories, which were
 * written together with the rules and say little about stories the rules have never seen. Prints
 * every row and writes them, with every disagreement on the development part (never on the test
 * part), to {@code target/feasibility-evaluation.md}. Run it with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.storyflow.feasibility.FeasibilityEvaluation [-Dexec.args=--test]}. {@code --batch=N}
 * also measures batch N alone: its development part, and with {@code --test} its frozen test part (the
 * disagreements of a batch are not written). {@code --agent-findings=FILE} scores an agent's findings
 * ({@link AgentFindingsRun}) beside the review's on the stories the agent answered.
 *
 * <p>A story counts as flagged for a criterion when the review reports a finding of it: in the
 * <em>gate</em> view only a warning or an error (what the verdict counts), in the <em>all findings</em>
 * view a hint as well. Precision, recall and F1 are "n/a" when there is nothing to divide by. The
 * baseline flags every story for every criterion.
 */
public final class FeasibilityEvaluation {

  /** Which findings flag a story. */
  enum View {
    /** Warnings and errors: what the verdict table counts. */
    GATE,
    /** Any finding, hints included. */
    ALL;

    boolean flags(Finding finding) {
      return this == ALL || finding.severity() != Severity.INFO;
    }
  }

  /** The counts of one criterion; the ratios are empty when there is nothing to divide by. */
  record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    static final Score ZERO = new Score(0, 0, 0, 0);

    OptionalDouble precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    OptionalDouble recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    OptionalDouble f1() {
      OptionalDouble p = precision();
      OptionalDouble r = recall();
      if (p.isEmpty() || r.isEmpty()) {
        return OptionalDouble.empty();
      }
      return p.getAsDouble() + r.getAsDouble() == 0 ? OptionalDouble.of(0)
          : OptionalDouble.of(2 * p.getAsDouble() * r.getAsDouble() / (p.getAsDouble() + r.getAsDouble()));
    }

    int labelled() {
      return truePositives + falseNegatives;
    }

    int stories() {
      return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** The score of a review that flags every story. */
    Score flagEverything() {
      return new Score(labelled(), falsePositives + trueNegatives, 0, 0);
    }

    Score plus(Score other) {
      return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
          falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
    }

    private static OptionalDouble ratio(int numerator, int denominator) {
      return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
  }

  /**
   * One labelled story as the evaluation reads it.
   *
   * @param labelled the criteria the labels speak about (the others are not counted)
   * @param group the stories it is compared with for duplicates: those of the same group
   */
  record Case(StoryInput story, Set<Criterion> violates, Set<Criterion> labelled, String group) {
  }

  /** The scores of one set and the stories where the review and the labels disagree. */
  record Result(String name, View view, Map<Criterion, Score> scores, Score overall, List<String> disagreements,
      int stories) {
  }

  private FeasibilityEvaluation() {
  }

  static List<Case> fixtures(String resource) {
    return FixtureSet.load(resource).stream()
        .map(f -> new Case(f.story(), f.violates(), EnumSet.allOf(Criterion.class), resource)).toList();
  }

  static List<Case> publicStories(Part part) {
    return PublicStorySet.load(part).stream().map(FeasibilityEvaluation::asCase).toList();
  }

  static Case asCase(Labelled story) {
    Set<Criterion> labelled = EnumSet.allOf(Criterion.class);
    labelled.removeIf(c -> !story.labels(c));
    return new Case(story.story(), story.violates(), labelled, story.backlog());
  }

  static Result evaluate(String name, List<Case> cases, View view) {
    return evaluate(name, cases, cases, view);
  }

  /**
   * @param context the stories each story is compared with for duplicates (those of its group): for the
   *     public set the whole backlog, both parts, as a running story is compared with all others
   */
  static Result evaluate(String name, List<Case> cases, List<Case> context, View view) {
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    Map<String, StoryCorpus> corpora = corpora(context);
    Map<Criterion, int[]> counts = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      counts.put(c, new int[4]);
    }
    List<String> disagreements = new ArrayList<>();
    for (Case story : cases) {
      Analysis analysis = analyzer.analyze(StoryText.of(story.story()), corpora.get(story.group()));
      Set<Criterion> found = EnumSet.noneOf(Criterion.class);
      analysis.findings().stream().filter(view::flags).forEach(f -> found.add(f.criterion()));
      for (Criterion c : story.labelled()) {
        boolean expected = story.violates().contains(c);
        boolean actual = found.contains(c);
        int cell = expected ? (actual ? 0 : 2) : (actual ? 1 : 3);
        counts.get(c)[cell]++;
        if (expected != actual) {
          disagreements.add(story.story().storyId() + " | " + c + " | " + (actual ? "false positive" : "false negative")
              + " | " + (actual ? evidence(analysis, c, view) : text(story.story())));
        }
      }
    }
    return result(name, view, counts, disagreements, cases.size());
  }

  /** The criteria the review flags on each story (by story id), in the given view. */
  static Map<String, Set<Criterion>> reviewFlags(List<Case> cases, List<Case> context, View view) {
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    Map<String, StoryCorpus> corpora = corpora(context);
    Map<String, Set<Criterion>> flags = new LinkedHashMap<>();
    for (Case story : cases) {
      Set<Criterion> found = EnumSet.noneOf(Criterion.class);
      analyzer.analyze(StoryText.of(story.story()), corpora.get(story.group())).findings().stream()
          .filter(view::flags).forEach(f -> found.add(f.criterion()));
      flags.put(story.story().storyId(), found);
    }
    return flags;
  }

  /** Scores the criteria flagged on each story against its labels (no disagreements are kept). */
  static Result score(String name, List<Case> cases, View view, Function<Case, Set<Criterion>> flagged) {
    Map<Criterion, int[]> counts = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      counts.put(c, new int[4]);
    }
    for (Case story : cases) {
      Set<Criterion> found = flagged.apply(story);
      for (Criterion c : story.labelled()) {
        boolean expected = story.violates().contains(c);
        boolean actual = found.contains(c);
        counts.get(c)[expected ? (actual ? 0 : 2) : (actual ? 1 : 3)]++;
      }
    }
    return result(name, view, counts, List.of(), cases.size());
  }

  /** @param counts per criterion: true positives, false positives, false negatives, true negatives */
  private static Result result(String name, View view, Map<Criterion, int[]> counts, List<String> disagreements,
      int stories) {
    Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
    Score overall = Score.ZERO;
    for (Criterion c : Criterion.values()) {
      int[] n = counts.get(c);
      scores.put(c, new Score(n[0], n[1], n[2], n[3]));
      overall = overall.plus(scores.get(c));
    }
    return new Result(name, view, scores, overall, disagreements, stories);
  }

  /**
   * The agent's findings ({@link AgentAnswers}) scored like the review's, in the gate view, on the
   * stories of {@code cases} the agent answered: the review alone on those stories, the agent alone,
   * and both together (a story counts as flagged when either flags it). A run without a usable answer
   * counts as flagging nothing, as the verdict would not see it either.
   */
  static String agentTables(String part, List<Case> cases, List<Case> context, AgentAnswers answers,
      Map<Criterion, OptionalDouble> kappa) {
    List<Case> asked = cases.stream().filter(c -> answers.has(c.story().storyId())).toList();
    StringBuilder md = new StringBuilder("### ").append(part).append(": the agent's findings\n\n");
    if (asked.isEmpty()) {
      return md.append("The agent answered no story of this part: n/a.\n\n").toString();
    }
    long unusable = asked.stream().filter(c -> answers.of(c.story().storyId()).problem() != null).count();
    md.append(String.format(Locale.ROOT, "The agent was asked about %d of the %d stories; %d gave no usable answer "
        + "(counted as flagging nothing).%n%n", asked.size(), cases.size(), unusable));
    Map<String, Set<Criterion>> review = reviewFlags(asked, context, View.GATE);
    Function<Case, Set<Criterion>> agent = c -> answers.of(c.story().storyId()).flags(View.GATE);
    Function<Case, Set<Criterion>> both = c -> {
      Set<Criterion> union = EnumSet.noneOf(Criterion.class);
      union.addAll(review.get(c.story().storyId()));
      union.addAll(agent.apply(c));
      return union;
    };
    md.append(table(score(part + ", the review alone (the same stories)", asked, View.GATE,
        c -> review.get(c.story().storyId())), kappa)).append('\n');
    md.append(table(score(part + ", the agent alone", asked, View.GATE, agent), kappa)).append('\n');
    md.append(table(score(part + ", the review and the agent together", asked, View.GATE, both), kappa)).append('\n');
    return md.toString();
  }

  private static Map<String, StoryCorpus> corpora(List<Case> context) {
    Map<String, StoryCorpus> corpora = new LinkedHashMap<>();
    context.stream().collect(Collectors.groupingBy(Case::group, LinkedHashMap::new, Collectors.toList()))
        .forEach((group, members) -> corpora.put(group,
            StoryCorpus.of(members.stream().map(c -> StoryText.of(c.story())).toList())));
    return corpora;
  }

  /** Per rule: the stories it flags (any severity) that are labelled with its criterion, and those that are not. */
  static Map<String, int[]> ruleCounts(List<Case> cases, List<Case> context) {
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    Map<String, StoryCorpus> corpora = corpora(context);
    Map<String, int[]> counts = new LinkedHashMap<>();
    Rules.ids().forEach(rule -> counts.put(rule, new int[2]));
    for (Case story : cases) {
      Analysis analysis = analyzer.analyze(StoryText.of(story.story()), corpora.get(story.group()));
      analysis.findings().stream().filter(f -> story.labelled().contains(f.criterion())).map(Finding::rule).distinct()
          .forEach(rule -> counts.get(rule)[story.violates().contains(Rules.criterion(rule)) ? 0 : 1]++);
    }
    return counts;
  }

  /**
   * How often each rule is right on the given stories: for every rule, the stories it flags (any
   * severity) whose labels speak about its criterion, and how many of them are labelled with it.
   * This is the evidence the severities in {@code feasibility/rules.tsv} are set from.
   */
  static String ruleTable(List<Case> cases, List<Case> context) {
    Map<String, int[]> counts = ruleCounts(cases, context);
    StringBuilder md = new StringBuilder("| rule | severity | stories flagged | right | wrong | precision |\n"
        + "|---|---|---:|---:|---:|---:|\n");
    counts.forEach((rule, n) -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s |%n", rule,
        Rules.severity(rule), n[0] + n[1], n[0], n[1], format(n[0] + n[1] == 0 ? OptionalDouble.empty()
            : OptionalDouble.of((double) n[0] / (n[0] + n[1]))))));
    return md.toString();
  }

  /** Cohen's kappa of the two labelling passes, per criterion, from {@code public/agreement.json}. */
  static Map<Criterion, OptionalDouble> agreement() {
    Map<Criterion, OptionalDouble> kappa = new EnumMap<>(Criterion.class);
    try (InputStream in = FeasibilityEvaluation.class.getResourceAsStream("/feasibility/public/agreement.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      for (Criterion c : Criterion.values()) {
        JsonNode k = root.path(c.name()).path("kappa");
        kappa.put(c, k.isNumber() && !Double.isNaN(k.asDouble()) ? OptionalDouble.of(k.asDouble()) : OptionalDouble.empty());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kappa;
  }

  static String table(Result result, Map<Criterion, OptionalDouble> kappa) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(result.name()).append(" — ")
        .append(result.view() == View.GATE ? "gate (warnings and errors)" : "all findings (hints included)")
        .append("\n\n").append(result.stories()).append(" stories.\n\n")
        .append("| criterion | stories | labelled | TP | FP | FN | TN | precision | recall | F1 | flag-every-story P / F1 |")
        .append(kappa == null ? "" : " two-pass kappa |").append('\n')
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").append(kappa == null ? "" : "---:|")
        .append('\n');
    result.scores().forEach((c, s) -> md.append(row(c.name(), s, kappa == null ? null : kappa.get(c))));
    md.append(row("overall (micro)", result.overall(), kappa == null ? null : OptionalDouble.empty()));
    return md.toString();
  }

  static String disagreements(Result result) {
    StringBuilder md = new StringBuilder("| story | criterion | kind | finding, or the story |\n|---|---|---|---|\n");
    result.disagreements().forEach(d -> md.append("| ").append(d.replace("\n", " ").replace("|", "/")
        .replaceFirst(" / ", " | ").replaceFirst(" / ", " | ").replaceFirst(" / ", " | ")).append(" |\n"));
    return md.toString();
  }

  static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
  }

  private static String row(String name, Score s, OptionalDouble kappa) {
    Score every = s.flagEverything();
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s / %s |%s%n", name,
        s.stories(), s.labelled(), s.truePositives(), s.falsePositives(), s.falseNegatives(), s.trueNegatives(),
        format(s.precision()), format(s.recall()), format(s.f1()), format(every.precision()), format(every.f1()),
        kappa == null ? "" : " " + format(kappa) + " |");
  }

  private static String evidence(Analysis analysis, Criterion c, View view) {
    return analysis.findings().stream().filter(f -> f.criterion() == c && view.flags(f)).findFirst()
        .map(f -> f.severity() + " " + f.evidence().field() + ": \"" + f.evidence().text() + "\"").orElse("");
  }

  private static String text(StoryInput story) {
    String statement = story.title() == null || story.title().isBlank()
        ? "As a " + story.asA() + ", I want " + story.iWant() + ", so that " + story.soThat() : story.title();
    return statement.length() > 160 ? statement.substring(0, 160) + "…" : statement;
  }

  /** The share of READY verdicts on public stories labelled well formed and with testable acceptance criteria. */
  static String readyShare(List<Labelled> stories) {
    List<Labelled> sample = stories.stream()
        .filter(s -> s.criteriaLabelled() && !s.violates().contains(Criterion.WELL_FORMED)
            && !s.violates().contains(Criterion.TESTABLE_CRITERIA)).toList();
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    VerdictTable verdicts = new DmnFileVerdictTable();
    Map<String, List<StoryText>> byBacklog = new LinkedHashMap<>();
    stories.forEach(s -> byBacklog.computeIfAbsent(s.backlog(), b -> new ArrayList<>()).add(StoryText.of(s.story())));
    Map<String, Integer> byVerdict = new LinkedHashMap<>();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (Labelled story : sample) {
      Analysis analysis = analyzer.analyze(StoryText.of(story.story()), StoryCorpus.of(byBacklog.get(story.backlog())));
      Verdict verdict = verdicts.decide(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
          analysis.estimate().points());
      byVerdict.merge(verdict.verdict(), 1, Integer::sum);
      analysis.findings().stream().filter(f -> f.severity() != Severity.INFO).map(f -> f.criterion().name()).distinct()
          .forEach(c -> reasons.merge(c, 1, Integer::sum));
    }
    return String.format(Locale.ROOT, "%d stories with acceptance criteria, labelled well formed and testable: "
        + "READY %d (%s), verdicts %s; stories with a warning or error per criterion: %s.%n", sample.size(),
        byVerdict.getOrDefault(Verdict.READY, 0),
        sample.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100.0 * byVerdict.getOrDefault(Verdict.READY, 0)
            / sample.size()), byVerdict, reasons);
  }

  public static void main(String[] args) throws IOException {
    boolean test = List.of(args).contains("--test");
    Map<Criterion, OptionalDouble> kappa = agreement();
    StringBuilder md = new StringBuilder("# Feasibility review: agreement with the labels\n\n")
        .append("Public stories: real backlogs (see `src/test/resources/feasibility/public/README.md`), labelled after "
            + "`LABELLING.md`. Kappa: Cohen's kappa of the two labelling passes (one rater, see LABELLING.md). "
            + "A ratio is n/a when there is nothing to divide by.\n\n");
    Result development = null;
    List<Case> all = PublicStorySet.load().stream().map(FeasibilityEvaluation::asCase).toList();
    for (View view : View.values()) {
      Result r = evaluate("Public stories, development part", publicStories(Part.DEVELOPMENT), all, view);
      development = development == null ? r : development;
      md.append(table(r, kappa)).append('\n');
    }
    if (test) {
      for (View view : View.values()) {
        Result r = evaluate("Public stories, frozen test part", publicStories(Part.TEST), all, view);
        md.append(table(r, kappa)).append('\n');
      }
    } else {
      md.append("The frozen test part was not measured (run with `--test` when a change is done).\n\n");
    }
    for (String arg : args) {
      if (arg.startsWith("--batch=")) {
        int batch = Integer.parseInt(arg.substring("--batch=".length()));
        List<Part> parts = test ? List.of(Part.DEVELOPMENT, Part.TEST) : List.of(Part.DEVELOPMENT);
        for (Part part : parts) {
          List<Case> stories = PublicStorySet.load(part).stream().filter(s -> s.batch() == batch)
              .map(FeasibilityEvaluation::asCase).toList();
          for (View view : View.values()) {
            md.append(table(evaluate("Public stories, batch " + batch + ", "
                + (part == Part.TEST ? "frozen test part" : "development part"), stories, all, view), kappa))
                .append('\n');
          }
        }
      }
    }
    AgentAnswers answers = null;
    for (String arg : args) {
      if (arg.startsWith("--agent-findings=")) {
        answers = AgentAnswers.read(Path.of(arg.substring("--agent-findings=".length())));
      }
    }
    if (answers == null) {
      md.append("The agent's findings were not scored (run `AgentFindingsRun` with an agent command, then "
          + "`--agent-findings=FILE`).\n\n");
    } else {
      md.append(agentTables("Public stories, development part", publicStories(Part.DEVELOPMENT), all, answers, kappa));
      if (test) {
        md.append(agentTables("Public stories, frozen test part", publicStories(Part.TEST), all, answers, kappa));
      }
    }
    List<Labelled> readySample = test ? PublicStorySet.load() : PublicStorySet.load(Part.DEVELOPMENT);
    md.append("READY share (").append(test ? "both parts" : "development part").append("): ")
        .append(readyShare(readySample)).append('\n');
    Result fixtures = evaluate("Fixture stories (written together with the rules)",
        fixtures(FixtureSet.RESOURCE), View.ALL);
    Result later = evaluate("Later fixture stories (written after the rules, then tuned on: not held out)",
        fixtures(FixtureSet.LATER), View.ALL);
    md.append(table(fixtures, null)).append('\n').append(table(later, null)).append('\n');
    md.append("### Rules on the public development part\n\n").append(ruleTable(publicStories(Part.DEVELOPMENT), all))
        .append('\n');
    String tables = md.toString();
    md.append("## Disagreements on the public development part (gate view)\n\n").append(disagreements(development))
        .append("\n## Disagreements on the fixture stories\n\n").append(disagreements(fixtures))
        .append("\n## Disagreements on the later fixture stories\n\n").append(disagreements(later));
    Path out = Path.of("target/feasibility-evaluation.md");
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        out = Path.of(arg);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md);
    System.out.println(tables);
    System.out.println("Written to " + out.toAbsolutePath());
  }
}
