package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link Criterion#ESTIMABLE}: the team can size the story (QUS "estimatable"). Flags scope of epic
 * size ("the whole system", "all features", "a new platform", "from scratch") and unknowns (open
 * questions, "not sure", "unclear"; research such as "investigate" in the notes) in the statement,
 * criteria and notes.
 */
class EstimableCheck implements QualityCheck {

  static final Lexicon SCOPE = Lexicon.of("epic-sized scope",
      "all (?:the )?(?:features|functionality|functionalities|functions|modules|aspects|parts of the (?:system|app|application))",
      "every (?:feature|function|module|aspect)", "everything", "the (?:entire|whole|complete) (?:system|application|app|"
          + "platform|site|website|portal|product|process|workflow|backend|frontend|module|database|code ?base|solution)",
      "(?:full|complete|total) (?:redesign|overhaul|rewrite|rebuild|integration|solution|system|functionality|support)",
      "(?:redesign|overhaul|rewrite|revamp|rebuild|re architect|replatform|modernize|modernise) (?:the|our|my|a|an)",
      "a (?:completely )?new (?:system|platform|application|app|portal|website|product|crm|erp|backend|frontend)",
      "migrate (?:all|everything|the entire|the whole)", "any (?:kind|type|format|number) of", "all (?:kinds|types|sorts) of",
      "from scratch", "end to end solution", "(?:manage|handle|support) (?:all|everything)", "all (?:possible|existing) (?:cases|scenarios)",
      "whatever (?:they|he|she|I|we|users?) (?:want|need)");

  static final Lexicon UNKNOWNS = Lexicon.of("unknown",
      "not sure", "unsure", "unclear", "(?:is|are|still|currently|yet|as yet) unknown", "unknowns", "no idea",
      "(?:don't|do not|doesn't|does not) know yet", "to be investigated", "open questions?", "undecided",
      "not (?:yet )?decided", "still to be decided", "need to clarify", "needs? clarification", "needs? to be clarified");

  /** Research work: a spike, not a story; looked for in the notes, where teams write it. */
  static final Lexicon RESEARCH = Lexicon.of("research",
      "investigate", "investigation", "research", "spike", "figure out", "find out", "proof of concept", "poc",
      "feasibility study", "explore (?:options|possibilities|whether|how|if)", "evaluate (?:options|whether|how|if)");

  private static final Lexicon QUESTION = Lexicon.ofPattern("open question", "[^.!?\\n]{3,200}\\?(?=\\s|$)");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Segment part : story.statement().parts()) {
      for (Lexicon.Match m : SCOPE.find(part.text())) {
        if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
          findings.add(new Finding(Criterion.ESTIMABLE, Severity.WARNING, "Scope of an epic (\"" + m.text()
              + "\"): cut it into stories the team can size", part.evidence(m.text())));
        }
      }
    }
    List<Segment> texts = new ArrayList<>(story.statement().parts());
    texts.addAll(story.criteria());
    if (story.notes() != null) {
      texts.add(story.notes());
    }
    for (Segment segment : texts) {
      List<Lexicon.Match> unknowns = new ArrayList<>(UNKNOWNS.find(segment.text()));
      if (segment == story.notes()) {
        unknowns.addAll(RESEARCH.find(segment.text()));
      }
      for (Lexicon.Match m : unknowns) {
        if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
          findings.add(new Finding(Criterion.ESTIMABLE, Severity.WARNING, "Unknowns in " + segment.where() + " (\""
              + m.text() + "\"): answer them, or plan a spike first", segment.evidence(m.text())));
        }
      }
      if (segment.line() == null) {
        for (Lexicon.Match m : QUESTION.find(segment.text())) {
          findings.add(new Finding(Criterion.ESTIMABLE, Severity.WARNING, "Open question in " + segment.where()
              + ": answer it before the story is sized", segment.evidence(m.text().strip())));
          break;
        }
      }
    }
    return findings;
  }
}
