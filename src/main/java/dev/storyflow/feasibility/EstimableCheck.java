package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Criterion#ESTIMABLE}: the team can size the story (QUS "estimatable"). Flags scope of epic
 * size ("the whole system", "all features", "a new platform", "from scratch") and unknowns (open
 * questions, "not sure", "unclear"; research such as "investigate" in the notes) in the statement,
 * criteria and notes, and a means that is a whole process ("Manage Bonds") or a decision still to be made
 * ("know whether I should …").
 */
class EstimableCheck implements QualityCheck {

  static final Lexicon SCOPE = Lexicon.resource("epic-sized scope", "estimable/epic-scope");

  /** A whole process or product as the means; matched at its start. */
  static final Lexicon COARSE = Lexicon.resource("coarse means", "estimable/coarse-means");

  /** A decision still to be made as the means ("know whether I should …"); matched at its start. */
  static final Lexicon OPEN_DECISION = Lexicon.resource("open decision", "estimable/open-decision");

  private static final Pattern MEANS_PREFIX = Pattern.compile("(?i)^(?:to\\s+)?(?:be\\s+able\\s+to\\s+)?");

  static final Lexicon UNKNOWNS = Lexicon.resource("unknown", "estimable/unknowns");

  /** Research work: a spike, not a story; looked for in the notes, where teams write it. */
  static final Lexicon RESEARCH = Lexicon.resource("research", "estimable/research");

  private static final Lexicon QUESTION = Lexicon.ofPattern("open question", "[^.!?\\n]{3,200}\\?(?=\\s|$)");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Segment part : story.statement().parts()) {
      for (Lexicon.Match m : SCOPE.find(part.text())) {
        if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
          findings.add(new Finding("estimable.epic-scope", "Scope of an epic (\"" + m.text()
              + "\"): cut it into stories the team can size", part.evidence(m.text())));
        }
      }
    }
    Segment means = story.statement().means();
    if (means != null) {
      String text = MEANS_PREFIX.matcher(means.text()).replaceFirst("");
      List<Lexicon.Match> coarse = COARSE.find(text);
      if (!coarse.isEmpty() && coarse.get(0).start() == 0) {
        findings.add(new Finding("estimable.coarse-means", "A whole process or product in one story (\""
            + coarse.get(0).text() + "\"): cut it into pieces the team can size", means.evidence(coarse.get(0).text())));
      }
      List<Lexicon.Match> decision = OPEN_DECISION.find(text);
      if (!decision.isEmpty() && decision.get(0).start() == 0) {
        findings.add(new Finding("estimable.open-decision", "A decision still to be made (\"" + decision.get(0).text()
            + "\"): decide it first, then write a story for what follows", means.evidence(decision.get(0).text())));
      }
    }
    List<Segment> texts = new ArrayList<>(story.statement().parts());
    texts.addAll(story.criteria());
    if (story.notes() != null) {
      texts.add(story.notes());
    }
    for (Segment segment : texts) {
      unknowns(segment, UNKNOWNS.find(segment.text()), "estimable.unknowns", seen, findings);
      if (segment == story.notes()) {
        unknowns(segment, RESEARCH.find(segment.text()), "estimable.research", seen, findings);
      }
      if (segment.line() == null) {
        for (Lexicon.Match m : QUESTION.find(segment.text())) {
          findings.add(new Finding("estimable.open-question", "Open question in " + segment.where()
              + ": answer it before the story is sized", segment.evidence(m.text().strip())));
          break;
        }
      }
    }
    return findings;
  }

  private static void unknowns(Segment segment, List<Lexicon.Match> matches, String rule, Set<String> seen,
      List<Finding> findings) {
    for (Lexicon.Match m : matches) {
      if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
        findings.add(new Finding(rule, "Unknowns in " + segment.where() + " (\"" + m.text()
            + "\"): answer them, or plan a spike first", segment.evidence(m.text())));
      }
    }
  }
}
