package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EstimableCheckTest {

  private final EstimableCheck check = new EstimableCheck();

  @Test
  void epicScopeIsFlagged() {
    assertThat(check.check(Stories.ready().iWant("a new CRM system for the whole sales department").text()))
        .extracting(f -> f.evidence().text()).containsExactly("a new CRM");
    assertThat(check.check(Stories.ready().iWant("to rewrite the mobile app from scratch").text()))
        .extracting(f -> f.evidence().text()).contains("from scratch");
  }

  @Test
  void openQuestionsAndResearchInTheNotesAreFlagged() {
    // given
    StoryText story = Stories.ready().notes("Not sure which banks we need. Should we also handle MT940?").text();

    // then
    assertThat(check.check(story)).allSatisfy(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.ESTIMABLE);
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
      assertThat(f.evidence().field()).isEqualTo("notes");
    }).extracting(f -> f.evidence().text()).containsExactly("Not sure", "Should we also handle MT940?");
    assertThat(check.check(Stories.ready().notes("Research spike first.").text())).hasSize(2);
  }

  @Test
  void researchWordsInTheMeansAreAFeature() {
    assertThat(check.check(Stories.ready().iWant("to investigate failed payments of a customer").text())).isEmpty();
  }

  @Test
  void clearStoryPasses() {
    assertThat(check.check(Stories.ready().notes("Reuse the existing mail gateway.").text())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"to manage ordinances", "to be able to handle all users' activities",
      "to have a pricing plan and billing system", "to access the route planning system during work"})
  void aWholeProcessOrProductAsTheMeansIsCoarse(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("estimable.coarse-means");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"to know whether we should archive the old invoices", "to be able to decide when the "
      + "newsletter should go out", "to find out which supplier I should order toner from"})
  void aDecisionStillToBeMadeAsTheMeansIsNoDeliverable(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("estimable.open-decision");
      assertThat(f.criterion()).isEqualTo(Criterion.ESTIMABLE);
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
      assertThat(means).contains(f.evidence().text());
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"to know when the invoices are archived", "to know whether my order was shipped",
      "a reminder when I should renew my licence", "to see the invoices. I know what I should pay"})
  void aQuestionOfFactOrShouldOutsideTheWishPasses(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).isEmpty();
  }

  @Test
  void aCoarseVerbLaterInTheMeansIsNotTheMeans() {
    assertThat(check.check(Stories.ready().iWant("to successfully conduct a review meeting").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("a tool to manage my reading list").text())).isEmpty();
  }
}
