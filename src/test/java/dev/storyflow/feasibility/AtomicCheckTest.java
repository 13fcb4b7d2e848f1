package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicCheckTest {

  private final AtomicCheck check = new AtomicCheck();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to create, edit and delete user accounts",
      "to export the sales report as PDF and email it to the board",
      "to search products by name and filter them by price",
      "to upload/download case documents",
      "to book a course and pay the fee online",
      "to report a broken heater and I also want to see when the technician comes",
      "to see my fuel costs. Also I want an alert when a service is due",
      "to save my progress and continue later on another device",
      "to be able to indent, outdent content"})
  void twoFeaturesInOneMeansAreFlagged(String means) {
    // given
    StoryText story = Stories.ready().iWant(means).text();

    // when / then
    assertThat(check.check(story)).singleElement().satisfies(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.ATOMIC);
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
      assertThat(f.evidence().field()).isEqualTo("iWant");
      assertThat(means).contains(f.evidence().text());
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to see each employee's name and start date in the staff list",
      "to see my balance and order history",
      "to pay by card or bank transfer",
      "to rearrange widgets by drag and drop",
      "to see the opening hours and address of each branch",
      "to be notified by email and/or SMS about events",
      "to A/B test landing pages",
      "to Track, the Draft Proffers",
      "to create an account by entering my name, email address, a password and a username"})
  void oneFeatureWithSeveralObjectsPasses(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).isEmpty();
  }

  @Test
  void theEvidenceStartsAtTheFirstVerbWhenTheListsDoNotKnowIt() {
    assertThat(AtomicCheck.VERBS).doesNotContain("consult", "manager");
    assertThat(AtomicCheck.NOUN_OR_VERB).doesNotContain("consult", "manager");

    assertThat(check.check(Stories.ready().iWant("to consult quickly with the branch manager and summarize the notes").text()))
        .singleElement().satisfies(f -> {
          assertThat(f.evidence().text()).isEqualTo("consult quickly with the branch manager and summarize");
          assertThat(f.message()).contains("\"consult\" and \"summarize\"");
        });
  }

  @Test
  void aVerbTheWordListsDoNotKnowIsFoundByThePartOfSpeechTagger() {
    assertThat(AtomicCheck.VERBS).doesNotContain("aggregate");
    assertThat(AtomicCheck.NOUN_OR_VERB).doesNotContain("aggregate");

    assertThat(check.check(Stories.ready().iWant("to filter orders and aggregate the totals by region").text()))
        .singleElement().satisfies(f -> assertThat(f.evidence().text()).isEqualTo("filter orders and aggregate"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to enter my zip code and get a list of nearby recycling facilities",
      "to browse and find publishers",
      "to search and discover music based on my profile",
      "to add the messages block to my dashboard and view my messages",
      "to see the existing and archived invoices of a customer"})
  void anOutcomeOfTheFirstActionOrAParticipleIsNotASecondFeature(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to have error codes that reflect the logic and provide enough information",
      "to assess how interesting or appealing or complex a picture is",
      "to determine how agencies will generate and validate the files",
      "to link the sample file on the What you want, to submit, dialog"})
  void verbsOfARelativeClauseAnEmbeddedQuestionOrLaterInTheMeansAreNotTheWish(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).isEmpty();
  }

  @Test
  void verbsOfAnInfinitiveThatTellsAboutANounAreNotTheWishUnlessTheNounIsWhatIsWanted() {
    assertThat(check.check(Stories.ready().iWant("to get a letter with a code to unlock or reset my card").text()))
        .isEmpty();
    assertThat(check.check(Stories.ready().iWant("to ensure that attempts to approve or reject a closed loan fail")
        .text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to have a button to archive or restore a project").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
    assertThat(check.check(Stories.ready().iWant("to unlock or reset my card").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
  }

  @Test
  void theTwoEndsOfBetweenAndAreOneChoiceNotTwoActions() {
    assertThat(check.check(Stories.ready().iWant("to switch the state of a channel between enable and disable").text()))
        .isEmpty();
    assertThat(check.check(Stories.ready().iWant("to pick a date between start and end of the sprint").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to choose between two layouts and export the page").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
    assertThat(check.check(Stories.ready().iWant("to enable and disable a channel").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
  }

  @Test
  void aVerbWhoseComplementIsDoSoRepeatsTheFirstActionAndIsNoSecondOne() {
    assertThat(check.check(Stories.ready().iWant("to import the exchange rates nightly, and continue to do so after a "
        + "failed run").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to back up the shared drive and keep doing so every week").text()))
        .isEmpty();
    assertThat(check.check(Stories.ready().iWant("to import the exchange rates nightly, and continue the import after "
        + "a failed run").text())).extracting(Finding::rule).containsExactly("atomic.two-actions");
    assertThat(check.check(Stories.ready().iWant("to back up the shared drive and restore single files").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
  }

  @Test
  void aQuotedLabelIsDataAndTheSameWordsUnquotedAreTwoActions() {
    assertThat(check.check(Stories.ready().iWant("a \"Save and close\" button on the invoice form").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to save and close the invoice form").text()))
        .extracting(Finding::rule).containsExactly("atomic.two-actions");
  }
}
