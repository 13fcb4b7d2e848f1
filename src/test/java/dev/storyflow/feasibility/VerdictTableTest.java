package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code processes/feasibility-verdict.dmn}, evaluated by the DMN engine. */
class VerdictTableTest {

  private static final VerdictTable TABLE = new DmnFileVerdictTable();

  @ParameterizedTest(name = "errors {0}, warnings {1}, {2} points: {3}")
  @CsvSource({
      "0, 0, 3, READY",
      "0, 0, 13, READY",
      "0, 1, 3, NEEDS_CLARIFICATION",
      "1, 0, 1, NEEDS_CLARIFICATION",
      "2, 5, 8, NEEDS_CLARIFICATION",
      "0, 0, 20, TOO_LARGE",
      "3, 2, 40, TOO_LARGE"})
  void verdictFollowsTheFirstMatchingRule(long errors, long warnings, int points, String verdict) {
    Verdict result = TABLE.decide(errors, warnings, points);

    assertThat(result.verdict()).isEqualTo(verdict);
    assertThat(result.reason()).isNotBlank();
  }
}
