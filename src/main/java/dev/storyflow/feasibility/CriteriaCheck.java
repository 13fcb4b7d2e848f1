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
 * number), an unbounded negative ("never fails") or a Given/When scenario without its Then.
 */
class CriteriaCheck implements QualityCheck {

  static final int MIN_WORDS = 3;

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:tbd|tba|tbc|todo|n/?a|none|nothing|-+|\\?+|\\.{2,}|…|x+|to\\s+be\\s+(?:defined|decided|determined|done"
          + "|clarified|added|written)|same\\s+as\\s+above|see\\s+(?:above|below|notes|description))[.!:]?$");

  private static final Lexicon PLACEHOLDER_TERM = Lexicon.of("placeholder",
      "tbd", "tba", "tbc", "todo(?=\\s*[:]|\\s*$)", "to be (?:defined|decided|determined|confirmed|clarified|discussed|added)",
      "\\?\\?+", "xxx+", "lorem ipsum");

  private static final Lexicon UNOBSERVABLE = Lexicon.of("unobservable",
      "works? (?:as (?:expected|intended|designed|specified|before)|correctly|properly|fine|well|smoothly|perfectly"
          + "|flawlessly|ok|okay|right|great|normally|reliably)",
      "(?:functions?|behaves?|performs?|operates?|runs?) (?:correctly|properly|as expected|as intended|well|fine|smoothly)",
      "(?:is|are|be|gets?) (?:handled|processed|displayed|shown|done|working|implemented|managed|treated|supported)"
          + " (?:correctly|properly|appropriately|gracefully|accordingly|as expected|nicely|well|fine|smoothly)",
      "(?:everything|all|it|feature|functionality|system|page|app|application) (?:is )?work(?:s|ing)?(?!\\s+\\p{L})",
      "no (?:bugs|errors|issues|problems|glitches|crashes|defects)", "(?:bug|error|defect|issue) free",
      "without (?:any )?(?:bugs|errors|issues|problems|glitches|defects|hiccups)",
      "(?:code|feature|functionality|it|story|everything|changes?|system|implementation) (?:is|are|has been|have been|gets?) "
          + "(?:fully |well |properly |thoroughly )?tested", "(?:is|are|be|been) (?:fully|well|properly|thoroughly) tested",
      "(?:users?|customers?|clients?|stakeholders?|the po|product owner|business|everyone) (?:is |are |will be |should be |feels? )?"
          + "(?:happy|satisfied|pleased|delighted|comfortable|confident)",
      "looks? (?:good|nice|great|fine|ok|okay|professional|modern|clean|right|correct)",
      "meets? (?:the |all )?(?:requirements|expectations|needs|standards|criteria|business needs)",
      "(?:feature|functionality|story|change|it) (?:is|has been|should be) (?:implemented|available|complete|done|delivered|live)",
      "as expected", "as usual", "in a user friendly way", "user experience is (?:good|great|improved)",
      "all (?:cases|scenarios|edge cases|situations|errors|exceptions) (?:are )?(?:handled|covered|considered)",
      "handles? (?:all |any )?(?:errors|edge cases|exceptions|failures)(?: (?:gracefully|correctly|properly))?");

  private static final Lexicon QUALITY = Lexicon.of("quality",
      "fast", "faster", "quick(?:ly)?", "slow", "rapid(?:ly)?", "responsive", "performant", "high performance",
      "good performance", "efficient(?:ly)?", "scalable", "reliabl[ey]", "robust", "secure(?:ly)?", "safe(?:ly)?",
      "stable", "user friendly", "intuitive(?:ly)?", "easy", "easily", "simple", "smooth(?:ly)?", "seamless(?:ly)?",
      "in a timely manner", "timely", "as soon as possible", "asap", "reasonable", "reasonably", "acceptable",
      "adequate(?:ly)?", "appropriate(?:ly)?", "sufficient(?:ly)?", "nice(?:ly)?", "good", "better", "great",
      "attractive", "modern", "clearly", "understandable", "readable", "highly available", "minimal", "optimal",
      "accurate(?:ly)?", "proper(?:ly)?", "relevant", "meaningful", "helpful", "useful", "pleasant", "beautiful",
      "large", "big", "huge", "(?<!how\\s{1,3})many", "several", "few", "lots of", "a lot of");

  private static final Lexicon NEGATIVE = Lexicon.of("unbounded negative",
      "never (?:fails?|crash(?:es)?|breaks?|loses?|hangs?|freezes?|goes down|times out|errors?)",
      "(?:does not|doesn't|should not|shouldn't|must not|mustn't|will not|won't|cannot|can't) (?:fail|crash|break|"
          + "hang|freeze|lag|be slow|slow down|go down|time out|lose data|confuse)",
      "not (?:be )?(?:slow|confusing|complicated|difficult|hard to use|cluttered|buggy)");

  private static final Pattern GIVEN = Pattern.compile("(?i)^\\s*(?:scenario[^:]*:\\s*)?given\\b");
  private static final Pattern THEN = Pattern.compile("(?i)\\bthen\\b");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    if (story.criteria().isEmpty()) {
      findings.add(new Finding(Criterion.TESTABLE_CRITERIA, Severity.ERROR,
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
      return finding(criterion, "is a placeholder, not a criterion", text);
    }
    if (text.endsWith("?")) {
      return finding(criterion, "is a question: answer it and state the expected behaviour", text);
    }
    if (Words.of(text).wordCount() < MIN_WORDS) {
      return finding(criterion, "is too short to say what a tester checks", text);
    }
    List<Lexicon.Match> placeholder = PLACEHOLDER_TERM.find(text);
    if (!placeholder.isEmpty()) {
      return finding(criterion, "is not written yet (\"" + placeholder.get(0).text() + "\")", placeholder.get(0).text());
    }
    List<Lexicon.Match> unobservable = UNOBSERVABLE.find(text);
    if (!unobservable.isEmpty()) {
      return finding(criterion, "cannot be observed by a test (\"" + unobservable.get(0).text()
          + "\"): state the expected result", unobservable.get(0).text());
    }
    List<Lexicon.Match> negative = NEGATIVE.find(text);
    if (!negative.isEmpty()) {
      return finding(criterion, "is an unbounded negative (\"" + negative.get(0).text()
          + "\"): no test can show it never happens; state the condition and the expected result",
          negative.get(0).text());
    }
    List<Lexicon.Match> quality = QUALITY.find(text);
    if (!quality.isEmpty() && !Smells.NUMBER.occursIn(text)) {
      return finding(criterion, "names a quality (\"" + quality.get(0).text()
          + "\") without a measure: give the number a test checks", quality.get(0).text());
    }
    if (GIVEN.matcher(text).find() && !THEN.matcher(text).find()) {
      return finding(criterion, "is a scenario without its expected outcome (\"Then …\")", text);
    }
    return Optional.empty();
  }

  private static Optional<Finding> finding(Segment criterion, String problem, String words) {
    return Optional.of(new Finding(Criterion.TESTABLE_CRITERIA, Severity.WARNING,
        "Acceptance criterion " + criterion.line() + " " + problem, criterion.evidence(words)));
  }
}
