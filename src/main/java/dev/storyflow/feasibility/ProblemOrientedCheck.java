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

  static final Lexicon WIDGETS = Lexicon.of("widget",
      "buttons?", "check ?box(?:es)?", "drop ?down(?: menu| list)?s?", "radio buttons?", "pop ?ups?", "modal(?: window| dialog)?s?",
      "dialog box(?:es)?", "text ?(?:field|box|area)s?", "input fields?", "combo ?box(?:es)?", "side ?bars?", "nav ?bars?",
      "navigation bar", "hamburger menu", "tool ?tips?", "icons?", "sliders?", "carousels?", "spinners?", "progress bars?",
      "toggle switch", "click(?:s|ing)?", "double click", "right click", "tap(?:s|ping)?", "swip(?:e|es|ing)",
      "hover(?:s|ing)?", "scroll(?:s|ing)?", "drag and drop", "tabs?(?= (?:on|in|of|at|to)\\b)", "links? to click");

  static final Lexicon TECHNOLOGY = Lexicon.of("technology",
      "database", "db", "sql", "nosql", "stored procedures?", "tables? in the database", "database tables?", "columns? in",
      "endpoints?", "rest(?:ful)? (?:api|service|call)s?", "microservices?", "kafka", "rabbitmq",
      "redis", "elasticsearch", "mongo(?:db)?", "postgres(?:ql)?", "mysql", "oracle db", "docker", "kubernetes", "k8s",
      "aws", "azure", "s3 buckets?", "lambda functions?", "(?-i:React)", "(?-i:Angular)", "vue(?:\\.js)?", "jquery", "ajax",
      "javascript", "typescript", "spring boot", "hibernate", "cron ?jobs?", "websockets?", "graphql", "grpc",
      "api calls?", "http (?:get|post|put|delete)", "html", "css", "regex", "regular expressions?", "hash ?maps?",
      "arrays?", "java classes?", "cache", "caching", "message queues?", "sessions? storage", "local ?storage",
      "cookies?", "triggers? in the database", "orm");

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
            findings.add(new Finding(Criterion.PROBLEM_ORIENTED, Severity.INFO,
                "Solution in the statement (" + lexicon.name() + " \"" + m.text()
                    + "\"): say what the role needs and leave the design to the team", part.evidence(m.text())));
          }
        }
      }
    }
    return findings;
  }
}
