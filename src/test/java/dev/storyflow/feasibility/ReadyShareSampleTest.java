package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.feasibility.ReadyShareEvaluation.Sampled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample behind the READY share ({@link ReadyShareEvaluation}) is what its README says: at least
 * 200 public stories, each with its source, a role, a means and acceptance criteria, none twice, no
 * source more than a fifth of it, and exactly the candidates judged in.
 */
class ReadyShareSampleTest {

  private static final String CANDIDATES = "/feasibility/criteria-sample/candidates.tsv";
  private static final double MAX_SHARE_PER_SOURCE = 0.20;

  private final List<Sampled> sample = ReadyShareEvaluation.load();

  @Test
  void holdsAtLeastTwoHundredStoriesWithUniqueIds() {
    assertThat(sample).hasSizeGreaterThanOrEqualTo(200);
    assertThat(sample).extracting(s -> s.story().storyId()).doesNotHaveDuplicates();
  }

  @Test
  void everyStoryNamesItsSourceAndHasRoleMeansAndCriteria() {
    assertThat(sample).allSatisfy(s -> {
      assertThat(s.source()).as(s.story().storyId()).isNotBlank();
      assertThat(s.reference()).as(s.story().storyId()).isNotBlank();
      assertThat(s.url()).as(s.story().storyId()).startsWith("https://github.com/" + s.source() + "/");
      assertThat(s.story().title()).as(s.story().storyId()).isNotBlank();
      assertThat(s.story().asA()).as(s.story().storyId()).isNotBlank();
      assertThat(s.story().iWant()).as(s.story().storyId()).isNotBlank();
      assertThat(s.story().acceptanceCriteria()).as(s.story().storyId()).isNotEmpty()
          .allSatisfy(c -> assertThat(c).isNotBlank());
    });
  }

  @Test
  void noStoryTextAndNoSourceReferenceTwice() {
    assertThat(sample).extracting(s -> normalized(s.story().asA() + " " + s.story().iWant() + " " + s.story().soThat()
        + " " + String.join(" ", s.story().acceptanceCriteria()))).doesNotHaveDuplicates();
    assertThat(sample).extracting(s -> s.source() + " " + s.reference()).doesNotHaveDuplicates();
  }

  @Test
  void noSourceHoldsMoreThanAFifth() {
    Map<String, Long> perSource = sample.stream().collect(Collectors.groupingBy(Sampled::source, Collectors.counting()));

    assertThat(perSource).allSatisfy((source, n) -> assertThat((double) n / sample.size()).as(source)
        .isLessThanOrEqualTo(MAX_SHARE_PER_SOURCE));
  }

  @Test
  void sampleIsExactlyTheCandidatesJudgedIn() throws IOException {
    List<String[]> candidates = candidates();

    assertThat(candidates).extracting(c -> c[0]).doesNotHaveDuplicates();
    assertThat(candidates).allSatisfy(c -> assertThat(c[5]).as(c[0]).isIn("accept", "reject"));
    assertThat(candidates.stream().filter(c -> c[5].equals("accept")).map(c -> c[6]))
        .containsExactlyInAnyOrderElementsOf(sample.stream().map(s -> s.story().storyId()).toList());
    assertThat(candidates).filteredOn(c -> c[5].equals("reject")).allSatisfy(c -> assertThat(c[7]).as(c[0]).isNotBlank());
  }

  private static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The data rows of {@code candidates.tsv}: id, source, reference, pass 1, pass 2, decision, story id, reason. */
  private static List<String[]> candidates() throws IOException {
    try (InputStream in = ReadyShareSampleTest.class.getResourceAsStream(CANDIDATES)) {
      assertThat(in).as(CANDIDATES).isNotNull();
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
          .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("candidate\t"))
          .map(l -> l.split("\t", -1)).toList();
    }
  }
}
