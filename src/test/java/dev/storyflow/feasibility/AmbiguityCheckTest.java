package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmbiguityCheckTest {

  private final AmbiguityCheck check = new AmbiguityCheck();

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "a fast and intuitive product search | fast",
      "to format articles with bold, italics, lists etc. | etc.",
      "to see the traffic on my route if possible | if possible",
      "to see the relevant KPIs for several regions | relevant",
      "better job recommendations than today | better",
      "to see the most popular articles | most",
      "to approve orders as described in the process document | as described",
      "a user-friendly way to call my family | user-friendly",
      "to see parcels that are usually delivered late | usually",
      "it to save automatically | it to"})
  void smellsInTheMeansAreFlaggedWithTheirWords(String means, String words) {
    // when
    List<Finding> findings = check.check(Stories.ready().iWant(means).text());

    // then
    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.UNAMBIGUOUS);
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
    });
    assertThat(findings).extracting(f -> f.evidence().text()).contains(words);
  }

  @Test
  void aNumberMakesQualityWordsPrecise() {
    assertThat(check.check(Stories.ready().iWant("the home page to load fast, within 2 seconds").text())).isEmpty();
  }

  @Test
  void theEndsAreNotChecked() {
    assertThat(check.check(Stories.ready().soThat("I find things faster and easier").text())).isEmpty();
    assertThat(check.check(Stories.ready().soThat("I can file taxes etc. if possible").text())).isEmpty();
  }

  @Test
  void subjectiveWordsWarnAndTheOtherSmellsAreHints() {
    assertThat(check.check(Stories.ready().iWant("a fast product search").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.subjective", Severity.WARNING));
    assertThat(check.check(Stories.ready().iWant("to see parcels that are usually delivered late").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.vague-quantity", Severity.INFO));
  }

  @Test
  void criteriaAreCheckedLineByLineAndLeavePlaceholdersToTestability() {
    // given
    StoryText story = Stories.ready().criteria("It should be offered at checkout", "Label format TBD",
        "Search results appear quickly").text();

    // when
    List<Finding> findings = check.check(story);

    // then
    assertThat(findings).extracting(f -> f.evidence().line() + ":" + f.evidence().text())
        .containsExactlyInAnyOrder("1:It should", "3:quickly");
  }

  @Test
  void aReferenceAnswersAsDescribed() {
    StoryText story = Stories.ready().iWant("to file expenses as described in the travel policy")
        .reference("https://wiki.example.org/travel").text();

    assertThat(check.check(story)).isEmpty();
  }

  @Test
  void titleIsCheckedWhenThereIsNoStatement() {
    StoryText story = Stories.empty().title("Improve performance of the reporting module").text();

    assertThat(check.check(story)).extracting(f -> f.evidence().text()).containsExactly("Improve");
  }

  @Test
  void clearStoryPasses() {
    assertThat(check.check(Stories.ready().text())).isEmpty();
  }
}
