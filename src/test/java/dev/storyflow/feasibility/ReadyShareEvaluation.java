package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The share of {@code READY} verdicts on public stories that are well formed and have measurable
 * acceptance criteria ({@code src/test/resources/feasibility/criteria-sample/}, selected by the
 * guideline before the review was run): does the review leave good stories alone? Runs the real
 * review, the analyzer and the verdict table as {@link FeasibilityEvaluation} does, each story
 * compared for duplicates with the other stories of its source, and writes every story that is not
 * {@code READY}, with the warnings and errors that decided it, to
 * {@code target/feasibility-ready-share.md}. Run it with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.storyflow.feasibility.ReadyShareEvaluation}.
 */
public final class ReadyShareEvaluation {

  static final String SAMPLE = "/feasibility/criteria-sample/criteria-stories.json";
  private static final String ESTIMATE = "(estimate)";

  /**
   * One story of the sample.
   *
   * @param source the repository it was read from: its duplicates are looked for there
   * @param kind how the source wrote it: an {@code issue} or a {@code feature file}
   * @param reference where in the source: an issue number or a file path
   * @param url where it can be read
   */
  record Sampled(StoryInput story, String source, String kind, String reference, String url) {
  }

  /**
   * The review of one story.
   *
   * @param counted the findings the verdict counts: warnings and errors
   * @param estimate the story-point estimate the verdict compares with its limit, with its reasons
   */
  record Reviewed(Sampled sampled, Verdict verdict, Estimator.Estimate estimate, List<Finding> counted) {
  }

  private ReadyShareEvaluation() {
  }

  static List<Sampled> load() {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = ReadyShareEvaluation.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " is not on the classpath");
      }
      List<Sampled> stories = new ArrayList<>();
      for (JsonNode node : json.readTree(in).path("stories")) {
        JsonNode source = node.path("source");
        String reference = source.hasNonNull("issue") ? "#" + source.path("issue").asInt() : source.path("path").asText("");
        stories.add(new Sampled(json.treeToValue(node, StoryInput.class), node.path("backlog").asText(),
            source.hasNonNull("issue") ? "issue" : "feature file", reference, source.path("url").asText("")));
      }
      return stories;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Reviewed> review(List<Sampled> sample) {
    FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();
    VerdictTable verdicts = new DmnFileVerdictTable();
    Map<String, StoryCorpus> corpora = new LinkedHashMap<>();
    sample.stream().collect(Collectors.groupingBy(Sampled::source, LinkedHashMap::new,
            Collectors.mapping(s -> StoryText.of(s.story()), Collectors.toList())))
        .forEach((source, texts) -> corpora.put(source, StoryCorpus.of(texts)));
    List<Reviewed> reviewed = new ArrayList<>();
    for (Sampled s : sample) {
      Analysis analysis = analyzer.analyze(StoryText.of(s.story()), corpora.get(s.source()));
      Verdict verdict = verdicts.decide(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
          analysis.estimate().points());
      reviewed.add(new Reviewed(s, verdict, analysis.estimate(),
          analysis.findings().stream().filter(f -> f.severity() != Severity.INFO).toList()));
    }
    return reviewed;
  }

  static String report(List<Reviewed> reviewed) {
    StringBuilder md = new StringBuilder("# READY share on public stories with measurable acceptance criteria\n\n")
        .append("Sample: `src/test/resources/feasibility/criteria-sample/` (see its README: sources, selection rule, "
            + "counts). Every story was judged well formed with measurable acceptance criteria before the review ran. "
            + "Verdicts from the real analyzer and `feasibility-verdict.dmn`; each story is compared for duplicates "
            + "with the other stories of its source.\n\n");
    md.append("## Verdicts\n\n").append(header("sample")).append(verdictRow("all", reviewed));
    group(reviewed, r -> r.sampled().kind()).forEach((kind, rs) -> md.append(verdictRow(kind, rs)));
    md.append("\n### Per source\n\n").append(header("source"));
    group(reviewed, r -> r.sampled().source()).forEach((source, rs) -> md.append(verdictRow(source, rs)));
    List<Reviewed> notReady = reviewed.stream().filter(r -> !Verdict.READY.equals(r.verdict().verdict())).toList();
    md.append("\n## What kept stories from READY\n\nStories with at least one warning or error of the rule, and stories "
        + "estimated above the verdict table's limit (a story can count on several lines).\n\n"
        + "| criterion | rule | severity | stories |\n|---|---|---|---:|\n");
    Map<String, Long> causes = notReady.stream().flatMap(r -> causes(r).stream())
        .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
    causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
    md.append("\n## Every story that is not READY, with what decided it\n\n")
        .append("| story | source | verdict | points | criterion | rule | severity | where | evidence |\n")
        .append("|---|---|---|---:|---|---|---|---|---|\n");
    for (Reviewed r : notReady) {
      String row = "| " + r.sampled().story().storyId() + " | " + r.sampled().source() + " " + r.sampled().reference()
          + " | " + r.verdict().verdict() + " | " + r.estimate().points() + " | ";
      for (Finding f : r.counted()) {
        md.append(row).append(f.criterion()).append(" | ").append(f.rule()).append(" | ").append(f.severity())
            .append(" | ").append(f.evidence().field()).append(f.evidence().line() == null ? "" : ":" + f.evidence().line())
            .append(" | ").append(cell(f.evidence().text())).append(" |\n");
      }
      if (Verdict.TOO_LARGE.equals(r.verdict().verdict())) {
        md.append(row).append(ESTIMATE).append(" | | | | ").append(cell(String.join("; ", r.estimate().reasons())))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** What a story that is not READY was held for: its counted rules, and the estimate when it was too large. */
  private static List<String> causes(Reviewed r) {
    List<String> causes = new ArrayList<>(r.counted().stream()
        .map(f -> f.criterion() + " | " + f.rule() + " | " + f.severity()).distinct().toList());
    if (Verdict.TOO_LARGE.equals(r.verdict().verdict())) {
      causes.add(ESTIMATE + " | above the verdict table's story-point limit | TOO_LARGE");
    }
    return causes;
  }

  static String summary(List<Reviewed> reviewed) {
    long ready = reviewed.stream().filter(r -> Verdict.READY.equals(r.verdict().verdict())).count();
    return String.format(Locale.ROOT, "%d stories: READY %d (%s), verdicts %s", reviewed.size(), ready,
        share(ready, reviewed.size()), counts(reviewed));
  }

  private static String header(String name) {
    return "| " + name + " | stories | READY | NEEDS_CLARIFICATION | TOO_LARGE | other | READY share |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n";
  }

  private static String verdictRow(String name, List<Reviewed> reviewed) {
    Map<String, Long> counts = counts(reviewed);
    long ready = counts.getOrDefault(Verdict.READY, 0L);
    long clarify = counts.getOrDefault(Verdict.NEEDS_CLARIFICATION, 0L);
    long large = counts.getOrDefault(Verdict.TOO_LARGE, 0L);
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s |%n", name, reviewed.size(), ready, clarify,
        large, reviewed.size() - ready - clarify - large, share(ready, reviewed.size()));
  }

  private static Map<String, Long> counts(List<Reviewed> reviewed) {
    return reviewed.stream().collect(Collectors.groupingBy(r -> r.verdict().verdict(), TreeMap::new, Collectors.counting()));
  }

  private static Map<String, List<Reviewed>> group(List<Reviewed> reviewed, Function<Reviewed, String> key) {
    return reviewed.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }

  private static String share(long part, int whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  private static String cell(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "\\|").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  public static void main(String[] args) throws IOException {
    List<Reviewed> reviewed = review(load());
    Path out = Path.of(args.length > 0 ? args[0] : "target/feasibility-ready-share.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report(reviewed));
    System.out.println(summary(reviewed));
    System.out.println("Written to " + out.toAbsolutePath());
  }
}
