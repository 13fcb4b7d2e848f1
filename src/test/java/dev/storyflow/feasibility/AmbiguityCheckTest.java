package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
      "some way to export the invoices | some way",
      "some sort of alert before a deadline | some sort of",
      "to normalise measures by GINI and related socioeconomic indexes | and related",
      "a blog that highlights any and all projects | any and all",
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
  void subjectiveWordsVagueQuantitiesAndLoopholesWarnAndTheOtherSmellsAreHints() {
    assertThat(check.check(Stories.ready().iWant("a fast product search").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.subjective", Severity.WARNING));
    assertThat(check.check(Stories.ready().iWant("to see several reports on the board").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.vague-quantity", Severity.WARNING));
    assertThat(check.check(Stories.ready().iWant("to see invoices, receipts and so on").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.loophole", Severity.WARNING));
    assertThat(check.check(Stories.ready().iWant("to see parcels that are usually delivered late").text()))
        .extracting(Finding::rule, Finding::severity).containsExactly(
            tuple("ambiguity.vague-adverb", Severity.INFO));
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "to be able to see some metrics on use of the game | some metrics",
      "to attend some UI UX lessons | some UI UX lessons",
      "to change some of the styling of the viewer | some of",
      "to add some data to the report | some data",
      "to read some new acceptance criteria first | some new acceptance criteria"})
  void someBeforeAPluralOrAMassNounLeavesTheAmountOpen(String means, String words) {
    assertThat(check.check(Stories.ready().iWant(means).text()))
        .extracting(Finding::rule, f -> f.evidence().text()).containsExactly(tuple("ambiguity.vague-quantity", words));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to compare different versions of some datapackage locally",
      "to run some analysis on the sales table",
      "to see something about it"})
  void someBeforeOneCountableThingMeansA(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text()))
        .noneMatch(f -> "ambiguity.vague-quantity".equals(f.rule()));
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "the receipt to list further details of each payment | further details",
      "to export two additional columns from the ledger | additional columns",
      "to be shown enough information before I pay | enough information",
      "to download the data related to my orders | data related to",
      "a form where tenants report repairs and general concerns | general concerns",
      "to see the most popular recipes first | most",
      "a better overview of open orders | better"})
  void contentWithoutSayingWhichAndComparisonsWithoutABaselineWarn(String means, String words) {
    assertThat(check.check(Stories.ready().iWant(means).text()))
        .filteredOn(f -> f.evidence().text().equals(words)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
        .satisfies(f -> assertThat(f.rule()).isIn("ambiguity.unspecified-content", "ambiguity.comparison"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "to pick a specific item from the catalogue",
      "to add an additional field to the invoice",
      "to see more information about which invoices are overdue",
      "to restore a certain configuration state",
      "to compare other tenants' details with mine",
      "to see the most recent payments first"})
  void oneThingAWhClauseALongerNounOrARecentDateSayWhich(String means) {
    assertThat(check.check(Stories.ready().iWant(means).text())).extracting(Finding::rule)
        .doesNotContain("ambiguity.unspecified-content", "ambiguity.comparison");
  }

  @Test
  void aVagueVerbIsAHintAndOnlyInItsBaseForm() {
    assertThat(check.check(Stories.ready().iWant("to handle refund requests").text()))
        .extracting(Finding::rule, Finding::severity, f -> f.evidence().text())
        .containsExactly(tuple("ambiguity.vague-verb", Severity.INFO, "handle"));
    assertThat(check.check(Stories.ready().iWant("to read how other shops are handling refunds").text())).isEmpty();
  }

  @Test
  void qualitiesWithoutAMeasureAndOpenAmountsWarn() {
    assertThat(check.check(Stories.ready().iWant("a consistent layout on every invoice page").text()))
        .extracting(Finding::rule).containsExactly("ambiguity.subjective");
    assertThat(check.check(Stories.ready().iWant("the totals to be consistent with the ledger").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to have some flexibility in the delivery slots").text()))
        .extracting(Finding::rule, f -> f.evidence().text())
        .containsExactly(tuple("ambiguity.vague-quantity", "some flexibility"));
    assertThat(check.check(Stories.ready().iWant("to book some facility near my office").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to page through the orders when there are a lot").text()))
        .extracting(Finding::rule).containsExactly("ambiguity.vague-quantity");
  }

  @Test
  void aNumberInANameOrACompoundIsNoMeasure() {
    assertThat(check.check(Stories.ready().iWant("to confirm the recruiter works properly on Science360").text()))
        .extracting(f -> f.evidence().text()).containsExactly("properly");
    assertThat(check.check(Stories.ready().iWant("to store credentials securely using one-way hash functions").text()))
        .extracting(f -> f.evidence().text()).containsExactly("securely");
    assertThat(check.check(Stories.ready().iWant("a quick two-minute timer").text())).isEmpty();
  }

  @Test
  void etcAfterASeriesOfNumbersContinuesTheSeries() {
    assertThat(check.check(Stories.ready().iWant("to estimate with 1, 2, 4, 8, 16, etc").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to export CSV, JSON, etc").text()))
        .extracting(Finding::rule).containsExactly("ambiguity.loophole");
  }

  @Test
  void similarWithItsComplementComparesAndIsNoOpenEnd() {
    assertThat(check.check(Stories.ready().iWant("to see which fields are required and similar in every invoice template")
        .text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to find songs identical or similar to the one playing").text())).isEmpty();
    assertThat(check.check(Stories.ready().iWant("to import invoices from Xero, QuickBooks and similar").text()))
        .extracting(Finding::rule).containsExactly("ambiguity.loophole");
    assertThat(check.check(Stories.ready().iWant("to link to Slack or similar tools").text()))
        .extracting(Finding::rule).containsExactly("ambiguity.loophole");
  }

  @Test
  void aPlaceholderMeansIsLeftToWellFormed() {
    assertThat(check.check(Stories.ready().iWant("to ...").text())).isEmpty();
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "to order from the \"Fast\" menu | fast",
      "to filter products tagged “user friendly” | user friendly",
      "to see the status 'several pending' on the order | several",
      "to search the logs for `easy setup` | easy",
      "the export to write \"etc.\" in empty cells | etc."})
  void aQuotedWordIsDataAndTheSameWordUnquotedIsFlagged(String quoted, String word) {
    // given
    String unquoted = quoted.replaceAll("[\"“”'`]", "");

    // when
    List<Finding> inQuotes = check.check(Stories.ready().iWant(quoted).text());
    List<Finding> plain = check.check(Stories.ready().iWant(unquoted).text());

    // then
    assertThat(inQuotes).isEmpty();
    assertThat(plain).extracting(f -> f.evidence().text().toLowerCase(Locale.ROOT)).contains(word);
  }

  @Test
  void aWordInACriterionsExampleTableOrQuotedValueIsData() {
    // given
    StoryText quoted = Stories.ready().criteria(
        "Given the shipping options\nWhen I open the checkout\nThen I see the options\nExamples:\n| option | days |\n"
            + "| fast | 1 |\n| cheap | 5 |",
        "The banner reads \"Several offers left\"").text();
    StoryText plain = Stories.ready().criteria("The checkout is fast", "Several offers are shown").text();

    // then
    assertThat(check.check(quoted)).isEmpty();
    assertThat(check.check(plain)).extracting(Finding::rule)
        .containsExactlyInAnyOrder("ambiguity.subjective", "ambiguity.vague-quantity");
  }

  @Test
  void anApostropheIsNoQuote() {
    assertThat(check.check(Stories.ready().iWant("the users' list to load fast, don't you think").text()))
        .extracting(f -> f.evidence().text()).contains("fast");
  }

  @Test
  void clearStoryPasses() {
    assertThat(check.check(Stories.ready().text())).isEmpty();
  }
}
