package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemOrientedCheckTest {

  private final ProblemOrientedCheck check = new ProblemOrientedCheck();

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "a green button in the top right corner to export orders | button",
      "a drop-down list to select my departure airport | drop-down list",
      "to add a column last_login to the users table in the database | to add a column",
      "to store session data in Redis | Redis",
      "the landing page rebuilt using React | React",
      "to refactor the payment module | to refactor"})
  void solutionsInTheStatementAreHints(String means, String words) {
    assertThat(check.check(Stories.ready().iWant(means).text()))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
        .extracting(f -> f.evidence().text()).contains(words);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"to export the invoices of a month as a CSV file", "to react to market changes in time",
      "to receive a password reset link by email"})
  void needsPass(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).isEmpty();
  }
}
