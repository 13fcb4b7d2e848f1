package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
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
}
