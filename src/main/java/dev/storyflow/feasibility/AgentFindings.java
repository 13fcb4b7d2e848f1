package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.ACCEPTANCE_CRITERIA;
import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.NOTES;
import static dev.storyflow.lifecycle.StoryVariables.REFERENCE;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an external agent found wrong with a story in the feasibility step, kept in the report beside
 * the review's own findings under {@value #KEY}. The agent's result matched the schema
 * ({@code agents/result.schema.json}) before it got here, so each finding names one of the
 * {@link Criterion criteria} and a {@link Severity}; anything else is a broken result and fails the
 * step. They are the agent's word: marked {@code by: agent}, counted in {@code counts.agentFindings},
 * never in the verdict. Where the agent quotes the story, {@code quoted} says whether the words are
 * really in the field it names, so a reviewer can tell a quote from an invention.
 */
final class AgentFindings {

  static final String KEY = "agentFindings";

  private AgentFindings() {
  }

  /**
   * @param report the review's report; gains {@value #KEY} when the agent reported findings
   * @param agentResult the agent's result for the step, empty when no agent ran
   * @param story the story reviewed
   * @throws IllegalArgumentException when a finding does not have the schema's shape
   */
  @SuppressWarnings("unchecked")
  static void addTo(Map<String, Object> report, Map<String, Object> agentResult, StoryInput story) {
    if (!(agentResult.get("findings") instanceof List<?> given) || given.isEmpty()) {
      return;
    }
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Object item : given) {
      if (!(item instanceof Map<?, ?> finding)) {
        throw new IllegalArgumentException("An agent finding is not an object: " + item);
      }
      Map<String, Object> kept = new LinkedHashMap<>();
      kept.put("criterion", Criterion.valueOf(String.valueOf(finding.get("criterion"))).name());
      kept.put("severity", Severity.valueOf(String.valueOf(finding.get("severity"))).name());
      kept.put("message", String.valueOf(finding.get("message")));
      if (finding.get("evidence") instanceof Map<?, ?> evidence) {
        Map<String, Object> quote = new LinkedHashMap<>((Map<String, Object>) evidence);
        quote.put("quoted", contains(field(story, String.valueOf(evidence.get("field"))),
            String.valueOf(evidence.get("text"))));
        kept.put("evidence", quote);
      }
      kept.put("by", "agent");
      findings.add(kept);
    }
    report.put(KEY, findings);
    if (report.get("counts") instanceof Map<?, ?> counts) {
      ((Map<String, Object>) counts).put("agentFindings", findings.size());
    }
  }

  private static String field(StoryInput story, String field) {
    return switch (field) {
      case TITLE -> story.title();
      case AS_A -> story.asA();
      case I_WANT -> story.iWant();
      case SO_THAT -> story.soThat();
      case ACCEPTANCE_CRITERIA -> story.acceptanceCriteria() == null ? null : String.join("\n", story.acceptanceCriteria());
      case NOTES -> story.notes();
      case REFERENCE -> story.reference();
      case DEPENDS_ON -> story.dependsOn() == null ? null : String.join(", ", story.dependsOn());
      default -> null;
    };
  }

  private static boolean contains(String field, String text) {
    return field != null && !text.isBlank()
        && normalized(field).contains(normalized(text));
  }

  private static String normalized(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
