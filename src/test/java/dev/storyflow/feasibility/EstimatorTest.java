package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EstimatorTest {

  private final FeasibilityAnalyzer analyzer = new FeasibilityAnalyzer();

  @Test
  void smallClearStoryIsAFewPointsWithItsReasons() {
    Estimator.Estimate estimate = analyzer.analyze(Stories.ready().text(), StoryCorpus.empty()).estimate();

    assertThat(estimate.points()).isEqualTo(2);
    assertThat(estimate.reasons()).containsExactly("a small change to start from (1)",
        "security-sensitive: needs security tests and review (+1)");
  }

  @Test
  void epicScopeAndManyCriteriaGoBeyondASprint() {
    // given
    StoryText story = Stories.ready().iWant("to migrate all existing customer records to the new ERP")
        .criteria("a 1", "b 2", "c 3", "d 4", "e 5", "f 6", "g 7", "h 8", "i 9", "j 10").text();

    // when
    Estimator.Estimate estimate = analyzer.analyze(story, StoryCorpus.empty()).estimate();

    // then
    assertThat(estimate.points()).isGreaterThan(13);
    assertThat(estimate.reasons()).anyMatch(r -> r.startsWith("10 acceptance criteria"))
        .anyMatch(r -> r.startsWith("scope of an epic")).anyMatch(r -> r.startsWith("existing data to migrate"));
  }

  @Test
  void pointsAreOnThePlanningPokerScale() {
    StoryText story = Stories.ready().components("backend", "frontend").dependsOn("US-1")
        .criteria("a 1", "b 2", "c 3", "d 4", "e 5").text();

    assertThat(analyzer.analyze(story, StoryCorpus.empty()).estimate().points()).isIn(1, 2, 3, 5, 8, 13, 20, 40, 100);
  }
}
