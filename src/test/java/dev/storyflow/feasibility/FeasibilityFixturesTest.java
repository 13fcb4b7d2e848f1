package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.feasibility.FeasibilityEvaluation.Result;
import dev.storyflow.feasibility.FeasibilityEvaluation.Score;
import dev.storyflow.feasibility.FeasibilityEvaluation.View;
import dev.storyflow.feasibility.FixtureSet.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixture stories pin the rules' behaviour: they were written together with the rules, so these
 * figures say the rules do what they were built to do, not how they do on stories they have never
 * seen (that is {@link PublicStorySet}'s job).
 */
class FeasibilityFixturesTest {

  private static final Result RESULT = FeasibilityEvaluation.evaluate("fixtures",
      FeasibilityEvaluation.fixtures(FixtureSet.RESOURCE), View.ALL);

  @Test
  void fixtureSetHasAtLeastEightyStoriesGoodOnesIncluded() {
    List<Fixture> fixtures = FixtureSet.load();

    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(80);
    assertThat(fixtures).filteredOn(f -> f.violates().isEmpty()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(fixtures).extracting(f -> f.story().storyId()).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Criterion.class, names = {"WELL_FORMED", "ATOMIC", "UNAMBIGUOUS", "TESTABLE_CRITERIA"})
  void precisionAndRecallStayAtLeastPointEightyFive(Criterion criterion) {
    Score score = RESULT.scores().get(criterion);

    assertThat(score.precision()).as("precision of %s", criterion).isPresent();
    assertThat(score.precision().getAsDouble()).as("precision of %s", criterion).isGreaterThanOrEqualTo(0.85);
    assertThat(score.recall()).as("recall of %s", criterion).isPresent();
    assertThat(score.recall().getAsDouble()).as("recall of %s", criterion).isGreaterThanOrEqualTo(0.85);
  }
}
