package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link Criterion#PROBLEM_ORIENTED}: the statement says what the role needs, not how to build it
 * (QUS). Flags screen widgets and gestures, technologies and implementation steps in the role,
 * means and ends. Only a hint: the verdict does not count it.
 */
class ProblemOrientedCheck implements QualityCheck {

  static final Lexicon WIDGETS = Lexicon.resource("widget", "problem/widgets");

  static final Lexicon TECHNOLOGY = Lexicon.resource("technology", "problem/technologies");

  static final Lexicon IMPLEMENTATION = Lexicon.ofPattern("implementation",
      "(?i)^(?:to\\s+)?(?:implement|refactor|code|program|hard\\s*code|develop|build|rewrite|rebuild|re-?implement|port|add\\s+(?:a\\s+)?(?:column|field|table|"
          + "index|flag|class|method)|create\\s+(?:a\\s+)?(?:table|column|class|method|script|index)|write\\s+(?:a\\s+)?"
          + "(?:script|query|function|class|method)|use\\s+(?:a\\s+|an\\s+)?(?:library|framework|plugin))(?![\\p{L}])");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Segment part : story.statement().parts()) {
      for (Lexicon lexicon : List.of(WIDGETS, TECHNOLOGY, IMPLEMENTATION)) {
        for (Lexicon.Match m : lexicon.find(part.text())) {
          if (seen.add(m.text().toLowerCase(Locale.ROOT))) {
            findings.add(new Finding("problem." + lexicon.name(),
                "Solution in the statement (" + lexicon.name() + " \"" + m.text()
                    + "\"): say what the role needs and leave the design to the team", part.evidence(m.text())));
          }
        }
      }
    }
    return findings;
  }
}
