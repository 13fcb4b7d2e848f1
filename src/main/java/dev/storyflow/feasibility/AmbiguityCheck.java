package dev.storyflow.feasibility;

import dev.storyflow.feasibility.Smells.Category;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Criterion#UNAMBIGUOUS}: the means and the acceptance criteria are free of requirements
 * smells (subjective language, vague quantities, content asked for without saying which, ambiguous adverbs
 * and adjectives, loopholes, open-ended terms, superlatives, comparatives, vague pronouns, incomplete references,
 * undefined abbreviations). Quantity and quality words count as precise when the same line gives a number
 * ("fast: under 2 seconds"). The ends ("so that …") are not checked: a benefit is qualitative by
 * nature, and on real backlogs the smells found there were nearly all false alarms. Quoted data (a
 * product name in quotes, a code span, a cell of an examples table) is not checked either: it is a value,
 * not wording ({@link QuotedData}).
 */
class AmbiguityCheck implements QualityCheck {

  /** A means of dots alone ("to ...") is a placeholder, left to WELL_FORMED. */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(?:to\\b)?[\\s.…_]*");

  private static final Map<Category, String> ADVICE = Map.of(
      Smells.SUBJECTIVE, "say what can be observed or measured",
      Smells.VAGUE_QUANTITY, "give a number or a rule",
      Smells.UNSPECIFIED_CONTENT, "say which ones",
      Smells.VAGUE_ADVERB, "give a number or a rule",
      Smells.LOOPHOLE, "say exactly when it applies, or drop it",
      Smells.OPEN_ENDED, "list every case",
      Smells.SUPERLATIVE, "state the measure and the target",
      Smells.COMPARATIVE, "state the baseline and the target",
      Smells.INCOMPLETE_REFERENCE, "give the content or a link to it",
      Smells.VAGUE_VERB, "say what is to be done");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    Segment stated = story.statement().means();
    if (stated != null && !PLACEHOLDER.matcher(stated.text()).matches()) {
      Segment means = stated.withoutQuotedData();
      scan(means, Smells.WORDING, story, findings);
      undefinedAbbreviation(means, findings);
      Matcher pronoun = Smells.PRONOUN_MEANS.matcher(means.text());
      if (pronoun.find()) {
        findings.add(new Finding("ambiguity.vague-pronoun",
            "Vague pronoun in the means: name the thing it stands for", means.evidence(pronoun.group().strip())));
      }
    }
    if (stated == null && story.statement().role() == null && !story.title().isEmpty()) {
      scan(story.titleSegment().withoutQuotedData(), Smells.WORDING, story, findings);
    }
    for (Segment written : story.criteria()) {
      Segment criterion = written.withoutQuotedData();
      scan(criterion, Smells.CRITERIA_WORDING, story, findings);
      for (Lexicon.Match m : Smells.VAGUE_PRONOUN.find(criterion.text())) {
        findings.add(new Finding("ambiguity.vague-pronoun",
            "Vague pronoun at the start of " + criterion.where() + ": each criterion must say what it is about",
            criterion.evidence(m.text())));
      }
    }
    return findings;
  }

  /** The first abbreviation of the means that names a thing of the team's own and is not in everyday use. */
  private static void undefinedAbbreviation(Segment means, List<Finding> findings) {
    Matcher abbreviation = Smells.ABBREVIATION.matcher(means.text());
    while (abbreviation.find()) {
      if (!Smells.KNOWN_ABBREVIATIONS.contains(abbreviation.group(1).toLowerCase(Locale.ROOT))) {
        findings.add(new Finding("ambiguity.undefined-abbreviation", "Undefined abbreviation \"" + abbreviation.group(1)
            + "\" in the means: spell it out or link to what it names", means.evidence(abbreviation.group().strip())));
        return;
      }
    }
  }

  private static void scan(Segment segment, List<Category> categories, StoryText story, List<Finding> findings) {
    boolean precise = Smells.NUMBER.occursIn(segment.text());
    boolean linked = story.hasReference() || Smells.URL.occursIn(segment.text());
    Set<String> seen = new HashSet<>();
    for (Category category : categories) {
      if (category.preciseWithNumber() && precise) {
        continue;
      }
      for (Lexicon.Match m : category.words().find(segment.text())) {
        if (category == Smells.INCOMPLETE_REFERENCE && linked && Smells.ANSWERED_BY_LINK.occursIn(m.text())) {
          continue;
        }
        if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
          findings.add(new Finding(category.rule(),
              "Ambiguous wording, " + category.label() + " \"" + m.text() + "\" in " + segment.where() + ": "
                  + ADVICE.get(category), segment.evidence(m.text())));
        }
      }
    }
  }
}
