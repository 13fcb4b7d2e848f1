package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.feasibility.FeasibilityEvaluation.Score;
import org.junit.jupiter.api.Test;

/** The evaluation's arithmetic: nothing to count is "n/a", never a perfect score. */
class FeasibilityScoreTest {

  @Test
  void nothingFlaggedAndNothingLabelledIsNotAPerfectScore() {
    Score nothing = new Score(0, 0, 0, 40);

    assertThat(nothing.precision()).isEmpty();
    assertThat(nothing.recall()).isEmpty();
    assertThat(nothing.f1()).isEmpty();
    assertThat(FeasibilityEvaluation.format(nothing.precision())).isEqualTo("n/a");
  }

  @Test
  void missedStoriesGiveRecallZeroAndPrecisionNa() {
    Score missed = new Score(0, 0, 3, 10);

    assertThat(missed.precision()).isEmpty();
    assertThat(missed.recall()).hasValue(0.0);
  }

  @Test
  void ratiosFollowTheCounts() {
    Score score = new Score(8, 2, 8, 82);

    assertThat(score.precision()).hasValue(0.8);
    assertThat(score.recall()).hasValue(0.5);
    assertThat(score.f1().getAsDouble()).isCloseTo(0.6154, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void flagEveryStoryBaselineHasThePrevalenceAsPrecision() {
    Score baseline = new Score(8, 2, 8, 82).flagEverything();

    assertThat(baseline).isEqualTo(new Score(16, 84, 0, 0));
    assertThat(baseline.precision()).hasValue(0.16);
    assertThat(baseline.recall()).hasValue(1.0);
  }
}
