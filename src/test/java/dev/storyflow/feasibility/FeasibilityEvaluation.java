package dev.storyflow.feasibility;

import dev.storyflow.feasibility.FixtureSet.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of the feasibility review per criterion and overall on the labelled
 * fixture set. Prints a Markdown table and writes it, with every disagreement, to
 * {@code target/feasibility-evaluation.md}. Run it with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.storyflow.feasibility.FeasibilityEvaluation}.
 */
public final class FeasibilityEvaluation {

  /** Counts for one criterion. */
  record Score(int truePositives, int falsePositives, int falseNegatives) {

    double precision() {
      return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score other) {
      return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
          falseNegatives + other.falseNegatives);
    }
  }

  /** The scores and the stories where the review and the labels disagree. */
  record Result(String resource, Map<Criterion, Score> scores, Score overall, List<String> disagreements, int stories) {
  }

  private FeasibilityEvaluation() {
  }

  static Result evaluate(String resource) {
    List<Fixture> fixtures = FixtureSet.load(resource);
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    StoryCorpus corpus = StoryCorpus.of(fixtures.stream().map(f -> StoryText.of(f.story())).toList());
    Map<Criterion, int[]> counts = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      counts.put(c, new int[3]);
    }
    List<String> disagreements = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      Analysis analysis = analyzer.analyze(StoryText.of(fixture.story()), corpus);
      Set<Criterion> found = EnumSet.noneOf(Criterion.class);
      analysis.findings().forEach(f -> found.add(f.criterion()));
      for (Criterion c : Criterion.values()) {
        boolean expected = fixture.violates().contains(c);
        boolean actual = found.contains(c);
        if (expected && actual) {
          counts.get(c)[0]++;
        } else if (actual) {
          counts.get(c)[1]++;
          disagreements.add(fixture.story().storyId() + " | " + c + " | false positive | " + evidence(analysis, c));
        } else if (expected) {
          counts.get(c)[2]++;
          disagreements.add(fixture.story().storyId() + " | " + c + " | false negative | ");
        }
      }
    }
    Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
    Score overall = new Score(0, 0, 0);
    for (Criterion c : Criterion.values()) {
      int[] n = counts.get(c);
      scores.put(c, new Score(n[0], n[1], n[2]));
      overall = overall.plus(scores.get(c));
    }
    return new Result(resource, scores, overall, disagreements, fixtures.size());
  }

  static String table(String heading, Result result) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(heading).append("\n\n")
        .append(result.stories()).append(" stories from `src/test/resources").append(result.resource()).append("`.\n\n")
        .append("| criterion | labelled | TP | FP | FN | precision | recall | F1 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    result.scores().forEach((c, s) -> md.append(row(c.name(), s)));
    md.append(row("**overall (micro)**", result.overall()));
    return md.toString();
  }

  static String disagreements(Result result) {
    StringBuilder md = new StringBuilder("| story | criterion | kind | first finding |\n|---|---|---|---|\n");
    result.disagreements().forEach(d -> md.append("| ").append(d.replace("\n", " ")).append(" |\n"));
    return md.toString();
  }

  private static String row(String name, Score s) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f |%n", name,
        s.truePositives() + s.falseNegatives(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
        s.precision(), s.recall(), s.f1());
  }

  private static String evidence(Analysis analysis, Criterion c) {
    return analysis.findings().stream().filter(f -> f.criterion() == c).findFirst()
        .map(f -> f.evidence().field() + ": \"" + f.evidence().text().replace("|", "/") + "\"").orElse("");
  }

  public static void main(String[] args) throws IOException {
    Result fixtures = evaluate(FixtureSet.RESOURCE);
    Result holdout = evaluate(FixtureSet.HOLDOUT);
    String tables = "# Feasibility review: precision and recall\n\n"
        + "A story counts as flagged for a criterion when the review reports at least one finding of that criterion "
        + "(any severity); the labels say which criteria each story violates.\n\n"
        + table("Fixture set", fixtures) + "\n" + table("Held-out set (written after the rules, never tuned on)", holdout);
    String md = tables + "\n## Disagreements on the fixture set\n\n" + disagreements(fixtures)
        + "\n## Disagreements on the held-out set\n\n" + disagreements(holdout);
    Path out = Path.of(args.length > 0 ? args[0] : "target/feasibility-evaluation.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md);
    System.out.println(tables);
    System.out.println("Written to " + out.toAbsolutePath());
  }
}
