package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CriteriaCheckTest {

  private final CriteriaCheck check = new CriteriaCheck();

  @Test
  void storyWithoutCriteriaIsAnError() {
    assertThat(check.check(Stories.ready().criteria().text())).singleElement().satisfies(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.TESTABLE_CRITERIA);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence().field()).isEqualTo("acceptanceCriteria");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The discount works as expected | works as expected",
      "Invalid codes are handled properly | are handled properly",
      "Search results appear quickly | quickly",
      "The page is secure | secure",
      "Customers are happy with the wish list | Customers are happy",
      "The player never crashes | never crashes",
      "Label format TBD | TBD",
      "Works | Works",
      "Should parents see them too? | Should parents see them too?",
      "Given a loan due in 3 days when the nightly job runs | Given a loan due in 3 days when the nightly job runs"})
  void criterionThatATesterCannotCheckIsAWarning(String criterion, String words) {
    // given
    StoryText story = Stories.ready().criteria("Renewing extends the due date by 14 days", criterion).text();

    // then
    assertThat(check.check(story)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
      assertThat(f.evidence()).isEqualTo(new Evidence("acceptanceCriteria", 2, words));
      assertThat(f.message()).startsWith("Acceptance criterion 2 ");
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Search results appear within 2 seconds for 95 % of queries",
      "Profiles set to private are not shown in search results",
      "Given a cart with 2 items, when one is removed, then the total shows 1 item",
      "A locked account shows the message 'Account locked, try again later'"})
  void checkableCriteriaPass(String criterion) {
    assertThat(check.check(Stories.ready().criteria(criterion).text())).isEmpty();
  }

  @Test
  void aQualityOrPlaceholderInQuotedDataIsAValueAndUnquotedAWarning() {
    assertThat(check.check(Stories.ready().criteria("The plan picker offers the plan \"Secure\"",
        "The status column shows `TBD` for new orders").text())).isEmpty();
    assertThat(check.check(Stories.ready().criteria("The plan picker is secure",
        "The status column is TBD for new orders").text()))
        .extracting(Finding::rule).containsExactly("criteria.unmeasured-quality", "criteria.placeholder");
  }

  @Test
  void bulletsAndNumbersBeforeACriterionAreNotPartOfIt() {
    StoryText story = Stories.ready().criteria("- [ ] The link expires after 30 minutes", "2. TBD").text();

    assertThat(story.criteria()).extracting(Segment::text).containsExactly("The link expires after 30 minutes", "TBD");
    assertThat(check.check(story)).extracting(f -> f.evidence().line()).containsExactly(2);
  }

  @Test
  void aScenarioOverSeveralLinesIsOneCriterion() {
    StoryText story = Stories.ready().criteria("Given a password prompt\nWhen the user pastes a password\nThen it is accepted")
        .text();

    assertThat(story.criteria()).extracting(Segment::text)
        .containsExactly("Given a password prompt When the user pastes a password Then it is accepted");
    assertThat(check.check(story)).isEmpty();
    assertThat(check.check(Stories.ready().criteria("Given a session\nWhen the user is idle").text()))
        .singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("criteria.scenario-without-then"));
  }

  @Test
  void aScenarioWithoutContextOverSeveralLinesIsOneCriterionToo() {
    // (BDD feature files often start a scenario with "When"; counted line by line, a story with six
    // such scenarios had 21 criteria and an estimate too large to plan)
    StoryText story = Stories.ready().criteria("When I open the calendar\nThen I see this month\nAnd today is marked",
        "Scenario: next month\nWhen I press next\nThen I see the next month").text();

    assertThat(story.criteria()).extracting(Segment::text).containsExactly(
        "When I open the calendar Then I see this month And today is marked",
        "Scenario: next month When I press next Then I see the next month");
    assertThat(check.check(story)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"The initial password expires after X min", "The hash uses a cost factor of X",
      "The user logs in again when inactivity exceeds a defined value"})
  void unfilledNumbersArePlaceholders(String criterion) {
    assertThat(check.check(Stories.ready().criteria(criterion).text())).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("criteria.placeholder");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }
}
