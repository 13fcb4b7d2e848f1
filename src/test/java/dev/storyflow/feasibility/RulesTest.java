package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.feasibility.FeasibilityEvaluation.Case;
import dev.storyflow.feasibility.PublicStorySet.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision first, checked against the data: every warning or error rule is either a structural
 * fact or right at least 8 times in 10 on at least 3 stories of the public development part, and the
 * evidence column of {@code rules.tsv} is what the review does today (change a rule, measure again).
 */
class RulesTest {

  private static final Pattern COUNTS = Pattern.compile("(\\d+) / (\\d+)");
  private static Map<String, String> evidence;
  private static Map<String, int[]> measured;

  @BeforeAll
  static void measure() throws IOException {
    evidence = new LinkedHashMap<>();
    try (InputStream in = RulesTest.class.getResourceAsStream(Rules.RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("rule\t")) {
          String[] cells = line.split("\t");
          evidence.put(cells[0], cells.length > 3 ? cells[3] : "");
        }
      }
    }
    List<Case> all = PublicStorySet.load().stream().map(FeasibilityEvaluation::asCase).toList();
    measured = FeasibilityEvaluation.ruleCounts(FeasibilityEvaluation.publicStories(Part.DEVELOPMENT), all);
  }

  @Test
  void warningsAndErrorsAreStructuralOrRightEightTimesInTen() {
    for (String rule : Rules.ids()) {
      if (Rules.severity(rule) == Severity.INFO || evidence.get(rule).startsWith("structural")) {
        continue;
      }
      int right = measured.get(rule)[0];
      int flagged = right + measured.get(rule)[1];
      assertThat(flagged).as("stories %s flags on the development part", rule).isGreaterThanOrEqualTo(3);
      assertThat((double) right / flagged).as("precision of %s on the development part", rule)
          .isGreaterThanOrEqualTo(0.8);
    }
  }

  @Test
  void evidenceColumnIsWhatTheReviewDoesToday() {
    for (String rule : Rules.ids()) {
      Matcher counts = COUNTS.matcher(evidence.get(rule));
      assertThat(counts.find()).as("evidence of %s", rule).isTrue();
      int[] n = measured.get(rule);
      assertThat(counts.group(1) + " / " + counts.group(2)).as("right / flagged of %s", rule)
          .isEqualTo(n[0] + " / " + (n[0] + n[1]));
    }
  }

  @Test
  void everyCheckUsesRulesOfTheTable() {
    assertThat(Rules.ids()).contains("atomic.two-actions", "ambiguity.subjective", "estimable.coarse-means",
        "criteria.placeholder", "unique.duplicate", "well-formed.no-statement", "criteria.missing");
    assertThat(Rules.criterion("unique.duplicate")).isEqualTo(Criterion.UNIQUE);
  }
}
