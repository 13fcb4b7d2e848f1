package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.CompletionFields;
import dev.storyflow.lifecycle.StoryTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The task forms ({@code processes/forms}) as Tasklist shows them: the parts every form shares are
 * the same everywhere, the feasibility report speaks the words of {@link FeasibilityLabels}, a form
 * submits only what its task accepts, and a decision that needs a comment says so where the
 * Tasklist script can hold Complete.
 */
class TaskFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("processes/forms");
  /** Shown on every form that has them, so they are the same component everywhere. */
  private static final List<String> SHARED = List.of("Html_Feasibility", "Html_Reviews", "Html_Overrides", "Html_Story",
      "Html_IntegrationSupport");

  @Test
  void sharedComponentsAreTheSameOnEveryForm() throws IOException {
    Map<String, Map<String, String>> contentByComponent = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
      for (JsonNode component : components(form.getValue())) {
        if (SHARED.contains(component.path("id").asText())) {
          contentByComponent.computeIfAbsent(component.path("id").asText(), id -> new LinkedHashMap<>())
              .put(form.getKey(), component.path("content").asText());
        }
      }
    }
    assertThat(contentByComponent.keySet()).containsAll(SHARED);
    contentByComponent.forEach((id, byForm) ->
        assertThat(byForm.values().stream().distinct()).as("%s on %s", id, byForm.keySet()).hasSize(1));
    assertThat(contentByComponent.get("Html_Feasibility")).hasSizeGreaterThanOrEqualTo(14);
  }

  @Test
  void theFeasibilityReportSpeaksTheWordsOfTheLabels() throws IOException {
    String report = component(forms().get("approve-draft"), "Html_Feasibility").path("content").asText();
    Stream.of(FeasibilityLabels.VERDICTS, FeasibilityLabels.SEVERITIES, FeasibilityLabels.CRITERIA,
            FeasibilityLabels.FIELDS)
        .flatMap(labels -> labels.entrySet().stream())
        .forEach(label -> assertThat(report).contains("\"" + label.getKey() + "\": \"" + label.getValue() + "\""));
    assertThat(report).contains("Technical details").doesNotContain("All fields");
  }

  @Test
  void aFormSubmitsOnlyWhatItsTaskAccepts() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/story-lifecycle.bpmn").toFile());
    Map<String, JsonNode> forms = forms();
    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      StoryTask task = StoryTask.ofId(userTask.getId()).orElseThrow();
      JsonNode form = forms.get(userTask.getCamundaFormRef());
      assertThat(form).as("form of %s", task.id()).isNotNull();
      assertThat(keys(form)).as("the fields %s submits", userTask.getCamundaFormRef())
          .isSubsetOf(CompletionFields.allowed(task));
    }
  }

  @Test
  void aDecisionThatNeedsACommentHoldsCompleteUntilItIsWritten() throws IOException {
    for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
      List<String> keys = keys(form.getValue());
      if (keys.contains("approved") || keys.contains("withdraw")) {
        List<JsonNode> blockers = components(form.getValue()).stream()
            .filter(c -> c.path("content").asText().contains("sf-blocker")).toList();
        assertThat(blockers).as(form.getKey())
            .anyMatch(b -> b.path("content").asText().contains("sf-field-comment"));
        // a blocker shows only while its condition holds
        assertThat(blockers).as(form.getKey()).allMatch(b -> "html".equals(b.path("type").asText())
            && b.path("conditional").path("hide").asText().startsWith("=not("));
      }
    }
  }

  @Test
  void planIntoSprintOffersThePlanningPokerScaleAndTheOpenSprints() throws IOException {
    JsonNode plan = forms().get("plan-into-sprint");
    List<Integer> points = new ArrayList<>();
    component(plan, "Field_StoryPoints").path("values").forEach(v -> points.add(v.path("value").asInt()));
    assertThat(points).isEqualTo(StoryPointScale.VALUES);
    assertThat(component(plan, "Field_Sprint").path("valuesKey").asText()).isEqualTo("sprintOptions");
  }

  @Test
  void theScaleRoundsAnEstimateUp() {
    assertThat(StoryPointScale.atLeast(1)).isEqualTo(1);
    assertThat(StoryPointScale.atLeast(4)).isEqualTo(5);
    assertThat(StoryPointScale.atLeast(13)).isEqualTo(13);
    assertThat(StoryPointScale.atLeast(150)).isEqualTo(100);
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    return forms;
  }

  private static List<JsonNode> components(JsonNode parent) {
    List<JsonNode> all = new ArrayList<>();
    parent.path("components").forEach(c -> {
      all.add(c);
      all.addAll(components(c));
    });
    return all;
  }

  private static JsonNode component(JsonNode form, String id) {
    return components(form).stream().filter(c -> id.equals(c.path("id").asText())).findFirst().orElseThrow();
  }

  private static List<String> keys(JsonNode form) {
    return components(form).stream().map(c -> c.path("key").asText()).filter(k -> !k.isEmpty()).toList();
  }
}
