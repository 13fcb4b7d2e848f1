package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinimalCheckTest {

  private final MinimalCheck check = new MinimalCheck();

  @Test
  void bracketsExamplesAndExtraSentencesAreFlaggedWithTheWords() {
    assertThat(evidence(Stories.ready().iWant("to register a member (with photo and signed form)").text()))
        .containsExactly("(with photo and signed form)");
    assertThat(evidence(Stories.ready().iWant("to publish the menu, e.g. on the website").text()))
        .containsExactly("e.g.");
    assertThat(evidence(Stories.ready().soThat("deliveries get done. Operations asked for it last quarter.").text()))
        .containsExactly("Operations asked for it last quarter.");
  }

  @Test
  void textAroundTheTemplateIsFlagged() {
    StoryText story = Stories.empty().title("Urgent!!! As a cashier I want to print a receipt so that I have proof").text();

    assertThat(evidence(story)).containsExactly("Urgent!!!");
  }

  @Test
  void longMeansIsFlagged() {
    String means = "to see " + "the budget and the hours and the risks of every project ".repeat(4);

    List<Finding> findings = check.check(Stories.ready().iWant(means).text());

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("words"));
  }

  @Test
  void plainStatementAndPluralMarkersPass() {
    assertThat(check.check(Stories.ready().text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to download my invoice(s) as PDF").text())).isEmpty();
    assertThat(check.check(Stories.empty().title("US-12: As a cashier I want to print a receipt so that I have proof")
        .text())).isEmpty();
  }

  private List<String> evidence(StoryText story) {
    return check.check(story).stream()
        .peek(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
        .map(f -> f.evidence().text()).toList();
  }
}
