package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Criterion#INDEPENDENT}: the story stands on its own (QUS). A declared {@code dependsOn}
 * is reported as information for planning; a story id written in the text but not declared, or
 * a phrase such as "once the login story is done", is a hidden dependency and a warning.
 */
class DependencyCheck implements QualityCheck {

  /** Ticket-style ids: US-12, PAY-311. */
  private static final Pattern TICKET_ID = Pattern.compile("(?<![\\p{L}\\p{N}_-])([A-Z][A-Z0-9]{0,9})-(\\d{1,6})(?![\\p{L}\\p{N}]|[.,]\\d)");
  /** "story 12", "US12", "#12", "ticket #7". */
  private static final Pattern NUMBERED_STORY = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(?:(?:user\\s+)?(?:story|stories|issue|ticket)\\s*#?\\s*\\d{1,6}|us\\s?#?\\d{1,6}|#\\d{1,6})(?![\\p{L}\\p{N}])");
  /** Prefixes of standards and formats, not of stories: ISO-8601, UTF-8, SHA-256. */
  private static final Set<String> NOT_STORIES = Set.of("ISO", "UTF", "SHA", "RFC", "AES", "RSA", "COVID", "CVE",
      "EN", "DIN", "IEC", "IEEE", "ECMA", "ES", "TLS", "SSL", "HTTP", "MP", "PCI", "ISBN", "GDPR", "ARM", "X", "H",
      "CWE", "OWASP", "EPIC", "V", "R", "A", "B", "C", "ID", "PSD", "FIPS", "NIST", "IPV", "OAUTH", "WCAG", "W",
      "YYYY", "YY", "MM", "DD", "HH", "NN", "XX", "XXX");
  private static final Lexicon HIDDEN = Lexicon.resource("hidden dependency", "dependency/hidden");

  @Override
  public List<Finding> check(StoryText story) {
    List<Finding> findings = new ArrayList<>();
    Set<String> declared = new LinkedHashSet<>();
    story.dependsOn().forEach(id -> declared.add(id.toUpperCase(Locale.ROOT)));
    String self = story.storyId() == null ? "" : story.storyId().toUpperCase(Locale.ROOT);
    if (declared.contains(self)) {
      findings.add(new Finding("dependency.self", "The story depends on itself",
          new Evidence(DEPENDS_ON, null, story.storyId())));
    }
    declared.remove(self);
    if (!declared.isEmpty()) {
      findings.add(new Finding("dependency.declared", "Depends on " + String.join(", ", declared)
          + ": plan it after them, or cut the dependency", new Evidence(DEPENDS_ON, null, String.join(",", story.dependsOn()))));
    }
    String epic = story.epic() == null ? "" : story.epic().toUpperCase(Locale.ROOT);
    Set<String> mentioned = new LinkedHashSet<>();
    for (Segment segment : story.allText()) {
      Matcher ticket = TICKET_ID.matcher(segment.text());
      while (ticket.find()) {
        String id = ticket.group().toUpperCase(Locale.ROOT);
        if (!NOT_STORIES.contains(ticket.group(1)) && !id.equals(self) && !epic.startsWith(id)
            && !declared.contains(id) && mentioned.add(id)) {
          findings.add(undeclared(segment, ticket.group()));
        }
      }
      Matcher numbered = NUMBERED_STORY.matcher(segment.text());
      while (numbered.find()) {
        String id = numbered.group();
        if (!declared.isEmpty() || !mentioned.add(id.toUpperCase(Locale.ROOT))) {
          continue;
        }
        findings.add(undeclared(segment, id));
      }
      if (declared.isEmpty()) {
        for (Lexicon.Match m : HIDDEN.find(segment.text())) {
          findings.add(new Finding("dependency.hidden-phrase", "Hidden dependency in " + segment.where()
              + " (\"" + m.text() + "\"): declare the story in dependsOn, or cut the dependency",
              segment.evidence(m.text())));
          break;
        }
      }
    }
    return findings;
  }

  private static Finding undeclared(Segment segment, String id) {
    return new Finding("dependency.undeclared-reference", "Refers to " + id + " in " + segment.where()
        + " without declaring it in dependsOn: declare the dependency, or make the story stand alone",
        segment.evidence(id));
  }
}
