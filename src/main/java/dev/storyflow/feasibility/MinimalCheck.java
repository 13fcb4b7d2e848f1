package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Criterion#MINIMAL}: the statement holds role, means and ends and nothing more (QUS). Flags
 * text in brackets, examples ("e.g.", "for example"), remarks ("Note: …"), a further sentence
 * after a part of the statement, text around the template, and a means so long that it carries
 * details that belong in the acceptance criteria or notes.
 */
class MinimalCheck implements QualityCheck {

  static final int MAX_MEANS_WORDS = 35;

  private static final Pattern BRACKETS = Pattern.compile("\\([^()]{1,300}\\)|\\[[^\\[\\]]{1,300}]|\\{[^{}]{1,300}}");
  private static final Pattern PLURAL = Pattern.compile("\\((?:s|es|ies|en)\\)");
  private static final Lexicon ASIDES = Lexicon.resource("aside", "minimal/asides");
  /** A sentence end followed by more text. */
  private static final Pattern NEXT_SENTENCE = Pattern.compile("(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|ca))[.!?;]\\s+(?=\\S)");
  private static final Lexicon ADDITIVE = Lexicon.resource("additive", "minimal/additive");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    for (Segment extra : story.statement().extras()) {
      findings.add(finding("minimal.outside-template", "Text outside the \"As a … I want … so that …\" template", extra.evidence()));
    }
    for (Segment part : story.statement().parts()) {
      String bracketed = firstAside(part.text());
      if (bracketed != null) {
        findings.add(finding("minimal.brackets", "Text in brackets in the statement: move details to the acceptance criteria or notes",
            part.evidence(bracketed)));
      }
      for (Lexicon.Match aside : ASIDES.find(part.text())) {
        findings.add(finding("minimal.aside", "Examples or remarks in the statement (\"" + aside.text()
            + "\"): move them to the notes", part.evidence(aside.text())));
        break;
      }
      Matcher next = NEXT_SENTENCE.matcher(part.text());
      if (next.find()) {
        String rest = part.text().substring(next.end());
        if (!ADDITIVE.find(rest.length() > 30 ? rest.substring(0, 30) : rest).isEmpty()) {
          continue;
        }
        findings.add(finding("minimal.extra-sentence", "More than one sentence in the statement: keep role, means and ends only",
            part.evidence(rest)));
      }
    }
    Segment means = story.statement().means();
    if (means != null) {
      long count = Words.of(means.text()).wordCount();
      if (count > MAX_MEANS_WORDS) {
        findings.add(finding("minimal.long-means", "The means has " + count + " words: state the need in one short clause and move "
            + "the details to the acceptance criteria", means.evidence()));
      }
    }
    return findings;
  }

  /** The first bracketed text that is not a plural marker such as "invoice(s)". */
  private static String firstAside(String text) {
    Matcher brackets = BRACKETS.matcher(text);
    while (brackets.find()) {
      if (!PLURAL.matcher(brackets.group()).matches()) {
        return brackets.group();
      }
    }
    return null;
  }

  private static Finding finding(String rule, String message, Evidence evidence) {
    return new Finding(rule, message, evidence);
  }
}
