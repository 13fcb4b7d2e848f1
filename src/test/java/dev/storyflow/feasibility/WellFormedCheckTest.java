package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WellFormedCheckTest {

  private final WellFormedCheck check = new WellFormedCheck();

  @Test
  void storyWithRoleAndMeansIsWellFormed() {
    assertThat(check.check(Stories.ready().text())).isEmpty();
  }

  @Test
  void storyWithoutRoleIsAnError() {
    // given
    StoryText story = Stories.ready().statement(null, "to reset my password by email", "I can log in").text();

    // when
    List<Finding> findings = check.check(story);

    // then
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.WELL_FORMED);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("No role");
      assertThat(f.evidence().field()).isEqualTo("asA");
    });
  }

  @Test
  void storyWithoutMeansIsAnError() {
    StoryText story = Stories.ready().statement("warehouse manager", null, "I can plan staff").text();

    assertThat(check.check(story)).singleElement().satisfies(f -> assertThat(f.message()).contains("No means"));
  }

  @Test
  void titleWithoutStatementIsNoStory() {
    StoryText story = Stories.empty().title("Export invoices").text();

    assertThat(check.check(story)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("No user story statement");
      assertThat(f.evidence()).isEqualTo(new Evidence("title", null, "Export invoices"));
    });
  }

  @Test
  void statementWrittenInTheTitleOrInOneFieldCounts() {
    assertThat(check.check(Stories.empty()
        .title("As a driver, I want to receive my route before the shift so that I can plan breaks").text())).isEmpty();
    assertThat(check.check(Stories.empty().title("Dark theme")
        .statement("As a nurse, I want a dark theme so that patients are not dazzled", null, null).text())).isEmpty();
  }

  @Test
  void otherWaysOfSayingIWantCount() {
    assertThat(check.check(Stories.empty()
        .title("As a camp worker I would be able to submit a completion report for my tasks").text())).isEmpty();
    assertThat(check.check(Stories.empty()
        .title("As a camp worker I'm able to report a list of missing supplies to the manager").text())).isEmpty();
  }

  @Test
  void aCapitalIThatLostItsSpaceAfterTheRoleStillMarksTheMeans() {
    StoryText glued = Stories.empty().title("As a TreasurerI want to approve refunds, so that I can close the month")
        .text();

    assertThat(check.check(glued)).isEmpty();
    assertThat(glued.statement().role().text()).isEqualTo("Treasurer");
    assertThat(glued.statement().means().text()).isEqualTo("to approve refunds");
    assertThat(check.check(Stories.empty().title("As a chef who likes wasabi would like a menu").text()))
        .extracting(Finding::rule).containsExactly("well-formed.no-statement");
  }

  @Test
  void aWishInTheNegativeOrRestrictedIsAMeansToo() {
    assertThat(check.check(Stories.empty().title("As a user I don't want to see grants displayed as contracts").text()))
        .isEmpty();
    assertThat(check.check(Stories.empty().title("As a FABS user I do not want DABS banner messages").text())).isEmpty();
    assertThat(check.check(Stories.empty().title("As an owner I only want zero-padded fields, so that I can justify padding")
        .text())).isEmpty();
  }
}
