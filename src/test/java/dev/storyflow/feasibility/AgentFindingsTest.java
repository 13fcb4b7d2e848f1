package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's findings in the feasibility report: beside the review's, checked against the story, never in the verdict. */
class AgentFindingsTest {

  static final StoryInput STORY = new StoryInput("S-1", "Export a report", "analyst", "to export or print the  monthly report",
      "I can share it", List.of("The PDF opens in a reader"), null, null, null, null, null, null, null, null, null);

  @Test
  void theSchemaNamesTheCriteriaSeveritiesAndFieldsOfTheReview() throws IOException {
    JsonNode finding;
    try (InputStream in = getClass().getResourceAsStream("/agents/result.schema.json")) {
      finding = new ObjectMapper().readTree(in).at("/properties/findings/items/properties");
    }

    assertThat(strings(finding.at("/criterion/enum")))
        .containsExactlyElementsOf(Arrays.stream(Criterion.values()).map(Enum::name).toList());
    assertThat(strings(finding.at("/severity/enum")))
        .containsExactlyElementsOf(Arrays.stream(Severity.values()).map(Enum::name).toList());
    assertThat(strings(finding.at("/evidence/properties/field/enum")))
        .containsExactly("title", "asA", "iWant", "soThat", "acceptanceCriteria", "notes", "reference", "dependsOn");
  }

  @Test
  void findingsAreKeptAsTheAgentsWithWhetherTheirWordsAreInTheStory() {
    Map<String, Object> report = report();

    AgentFindings.addTo(report, Map.of("findings", List.of(
        finding("ATOMIC", "WARNING", Map.of("field", "iWant", "text", "Export or print the monthly")),
        finding("UNAMBIGUOUS", "INFO", Map.of("field", "acceptanceCriteria", "text", "opens quickly")),
        finding("ESTIMABLE", "ERROR", null))), STORY);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kept = (List<Map<String, Object>>) report.get(AgentFindings.KEY);
    assertThat(kept).hasSize(3).allSatisfy(f -> assertThat(f).containsEntry("by", "agent"));
    assertThat(kept.get(0)).containsEntry("criterion", "ATOMIC").containsEntry("severity", "WARNING");
    assertThat(kept.get(0).get("evidence")).isEqualTo(Map.of("field", "iWant", "text", "Export or print the monthly",
        "quoted", true));
    assertThat(kept.get(1).get("evidence")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("quoted", false);
    assertThat(kept.get(2)).doesNotContainKey("evidence");
    assertThat(report.get("counts")).isEqualTo(Map.of("errors", 0, "warnings", 0, "agentFindings", 3));
    assertThat(report).containsEntry("verdict", "READY");
  }

  @Test
  void aQuoteCountsOnlyInTheFieldItNames() {
    Map<String, Object> report = report();

    AgentFindings.addTo(report, Map.of("findings", List.of(
        finding("ATOMIC", "WARNING", Map.of("field", "soThat", "text", "export or print")))), STORY);

    assertThat(report.get(AgentFindings.KEY).toString()).contains("quoted=false");
  }

  @Test
  void withoutFindingsTheReportIsTheReviewsAlone() {
    Map<String, Object> report = report();

    AgentFindings.addTo(report, Map.of(), STORY);
    AgentFindings.addTo(report, Map.of("summary", "fine", "findings", List.of()), STORY);

    assertThat(report).doesNotContainKey(AgentFindings.KEY);
    assertThat(report.get("counts")).isEqualTo(Map.of("errors", 0, "warnings", 0));
  }

  @Test
  void aFindingOutsideTheCriteriaFailsTheStep() {
    assertThatThrownBy(() -> AgentFindings.addTo(report(), Map.of("findings", List.of(
        finding("VAGUE", "WARNING", null))), STORY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgentFindings.addTo(report(), Map.of("findings", List.of("just text")), STORY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("verdict", "READY");
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("errors", 0);
    counts.put("warnings", 0);
    report.put("counts", counts);
    return report;
  }

  private static Map<String, Object> finding(String criterion, String severity, Map<String, Object> evidence) {
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("criterion", criterion);
    finding.put("severity", severity);
    finding.put("message", "m");
    if (evidence != null) {
      finding.put("evidence", evidence);
    }
    return finding;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
