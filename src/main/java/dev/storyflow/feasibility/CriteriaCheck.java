package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.ACCEPTANCE_CRITERIA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link Criterion#TESTABLE_CRITERIA}: the story has acceptance criteria and a tester can check
 * each one with a clear pass or fail. A criterion fails when it is a placeholder or a question,
 * too short to say anything, a claim that cannot be observed ("works as expected", "no bugs",
 * "users are happy"), a quality word without a measure ("fast", "secure", "intuitive" and no
 * number), an unbounded negative ("never fails") or a Given/When scenario without its Then. Words in
 * quoted data (an example value in quotes, a code span, a table cell: {@link QuotedData}) are values, not
 * wording, and are not looked at for those terms.
 */
class CriteriaCheck implements QualityCheck {

  static final int MIN_WORDS = 3;

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:tbd|tba|tbc|todo|n/?a|none|nothing|-+|\\?+|\\.{2,}|…|x+|to\\s+be\\s+(?:defined|decided|determined|done"
          + "|clarified|added|written)|same\\s+as\\s+above|see\\s+(?:above|below|notes|description))[.!:]?$");

  private static final Lexicon PLACEHOLDER_TERM = Lexicon.resource("placeholder", "criteria/placeholder");

  private static final Lexicon UNOBSERVABLE = Lexicon.resource("unobservable", "criteria/unobservable");

  private static final Lexicon QUALITY = Lexicon.resource("quality", "criteria/quality");

  private static final Lexicon NEGATIVE = Lexicon.resource("unbounded negative", "criteria/unbounded-negative");

  private static final Pattern GIVEN = Pattern.compile("(?i)^\\s*(?:scenario[^:]*:\\s*)?given\\b");
  private static final Pattern THEN = Pattern.compile("(?i)\\bthen\\b");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    if (story.criteria().isEmpty()) {
      findings.add(new Finding("criteria.missing",
          "No acceptance criteria: list the conditions a tester checks to accept the story",
          new Evidence(ACCEPTANCE_CRITERIA, null, "")));
      return findings;
    }
    for (Segment criterion : story.criteria()) {
      problem(criterion).ifPresent(findings::add);
    }
    return findings;
  }

  private static Optional<Finding> problem(Segment criterion) {
    String text = criterion.text().strip();
    if (PLACEHOLDER.matcher(text).matches()) {
      return finding("criteria.placeholder", criterion, "is a placeholder, not a criterion", text);
    }
    if (text.endsWith("?")) {
      return finding("criteria.question", criterion, "is a question: answer it and state the expected behaviour", text);
    }
    if (Words.of(text).wordCount() < MIN_WORDS) {
      return finding("criteria.too-short", criterion, "is too short to say what a tester checks", text);
    }
    String wording = QuotedData.blank(text);
    List<Lexicon.Match> placeholder = PLACEHOLDER_TERM.find(wording);
    if (!placeholder.isEmpty()) {
      return finding("criteria.placeholder", criterion, "is not written yet (\"" + placeholder.get(0).text() + "\")", placeholder.get(0).text());
    }
    List<Lexicon.Match> unobservable = UNOBSERVABLE.find(wording);
    if (!unobservable.isEmpty()) {
      return finding("criteria.unobservable", criterion, "cannot be observed by a test (\"" + unobservable.get(0).text()
          + "\"): state the expected result", unobservable.get(0).text());
    }
    List<Lexicon.Match> negative = NEGATIVE.find(wording);
    if (!negative.isEmpty()) {
      return finding("criteria.unbounded-negative", criterion, "is an unbounded negative (\"" + negative.get(0).text()
          + "\"): no test can show it never happens; state the condition and the expected result",
          negative.get(0).text());
    }
    List<Lexicon.Match> quality = QUALITY.find(wording);
    if (!quality.isEmpty() && !Smells.NUMBER.occursIn(wording)) {
      return finding("criteria.unmeasured-quality", criterion, "names a quality (\"" + quality.get(0).text()
          + "\") without a measure: give the number a test checks", quality.get(0).text());
    }
    if (GIVEN.matcher(text).find() && !THEN.matcher(text).find()) {
      return finding("criteria.scenario-without-then", criterion, "is a scenario without its expected outcome (\"Then …\")", text);
    }
    return Optional.empty();
  }

  private static Optional<Finding> finding(String rule, Segment criterion, String problem, String words) {
    return Optional.of(new Finding(rule,
        "Acceptance criterion " + criterion.line() + " " + problem, criterion.evidence(words)));
  }
}
