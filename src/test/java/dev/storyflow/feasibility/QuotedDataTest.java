package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotedDataTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '^', value = {
      "the \"Fast\" menu # \"Fast\"",
      "the “Top picks” list # “Top picks”",
      "search for `easy setup` now # `easy setup`",
      "the status 'several pending' here # 'several pending'",
      "Then I see | fast | 1 | | cheap | 5 | as listed # | fast | 1 | | cheap | 5 |"})
  void aQuotedSpanIsBlankedAndEverythingElseStaysWhereItWas(String text, String span) {
    assertThat(QuotedData.blank(text)).isEqualTo(text.replace(span, " ".repeat(span.length())));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '^', value = {
      "the users' list, don't you",
      "a region|city filter",
      "an \"unclosed quote"})
  void apostrophesBarsAndStrayQuotesAreNoQuotedData(String text) {
    assertThat(QuotedData.blank(text)).isEqualTo(text);
  }
}
