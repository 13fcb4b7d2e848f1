package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DependencyCheckTest {

  private final DependencyCheck check = new DependencyCheck();

  @Test
  void declaredDependencyIsInformationForPlanning() {
    assertThat(check.check(Stories.ready().dependsOn("US-17", "US-18").text())).singleElement().satisfies(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.INDEPENDENT);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.evidence()).isEqualTo(new Evidence("dependsOn", null, "US-17,US-18"));
    });
  }

  @Test
  void storyIdInTheTextThatIsNotDeclaredIsFlagged() {
    StoryText story = Stories.ready().criteria("Cards saved via PAY-16 are offered at checkout").text();

    assertThat(check.check(story)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("dependency.undeclared-reference");
      assertThat(f.evidence()).isEqualTo(new Evidence("acceptanceCriteria", 1, "PAY-16"));
    });
    assertThat(check.check(Stories.ready().criteria("Scores use the same points as story #12").text())).hasSize(1);
  }

  @Test
  void hiddenDependencyInTheNotesIsAWarning() {
    StoryText story = Stories.ready().notes("Can only start once the order export story is done.").text();

    assertThat(check.check(story)).extracting(f -> f.evidence().text())
        .containsExactly("once the order export story is done");
  }

  @Test
  void standardsEpicsAndTheStoryItselfAreNoDependencies() {
    StoryText story = Stories.ready().id("US-5").epic("EPIC-7 Accounts")
        .criteria("Dates use ISO-8601 and UTF-8", "Invoice numbers look like YYYY-0001", "US-5 is this story, of EPIC-7")
        .text();

    assertThat(check.check(story)).isEmpty();
  }

  @Test
  void dependingOnItselfIsAWarning() {
    assertThat(check.check(Stories.ready().id("US-5").dependsOn("US-5").text()))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("itself"));
  }
}
