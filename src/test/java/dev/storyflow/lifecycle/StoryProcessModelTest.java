package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.identity.Role;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** The diagram keeps the contract of the design: ids, groups, async service tasks, forms, DI. */
class StoryProcessModelTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/story-lifecycle.bpmn"));

  @Test
  void processIsExecutableWithHistoryTimeToLive() {
    Process process = model.getModelElementById(StoryProcess.KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyUserTaskHasItsNameDesignedGroupAndAnExistingForm() {
    for (StoryTask task : StoryTask.values()) {
      UserTask userTask = model.getModelElementById(task.id());
      assertThat(userTask).as(task.id()).isNotNull();
      assertThat(userTask.getName()).as(task.id()).isEqualTo(task.label());
      assertThat(userTask.getCamundaCandidateGroups()).as(task.id())
          .isEqualTo(String.join(",", task.candidates().stream().map(Role::groupId).toList()));
      assertThat(Path.of("processes/forms", userTask.getCamundaFormRef() + ".form")).as(task.id()).exists();
    }
    assertThat(model.getModelElementsByType(UserTask.class)).hasSize(StoryTask.values().length);
  }

  @Test
  void backendEngineerStepsAreExternalTasksWithAFallback() {
    Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
    for (Step step : Step.values()) {
      ServiceTask task = model.getModelElementById(step.taskId());
      assertThat(task.getCamundaType()).as(step.taskId()).isEqualTo("external");
      assertThat(task.getCamundaTopic()).as(step.taskId()).isEqualTo("backend-engineer." + step.code());
      assertThat(boundaries).as(step.taskId())
          .anyMatch(b -> b.getAttachedTo() == task && b.getEventDefinitions().iterator().next()
              .getElementType().getTypeName().equals("errorEventDefinition"));
    }
    assertThat(model.getModelElementsByType(ServiceTask.class)).hasSize(Step.values().length);
  }

  @Test
  void everyStatusHasItsEntryElement() {
    Arrays.stream(Status.values()).forEach(status ->
        assertThat((FlowNode) model.getModelElementById(status.entryElementId())).as(status.name()).isNotNull());
  }

  @Test
  void everyFlowNodeIsDrawn() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(model.getModelElementsByType(BpmnShape.class))
          .as(node.getId()).anyMatch(s -> s.getBpmnElement() == node);
      assertThat(node.getId()).as("Camunda-style id").matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
    }
  }

  @Test
  void storyTextNeverReachesAnExpression() throws Exception {
    String xml = Files.readString(Path.of("processes/story-lifecycle.bpmn"));
    for (String field : new String[] {"title", "asA", "iWant", "soThat", "acceptanceCriteria", "notes", "reference"}) {
      assertThat(xml).as(field).doesNotContain("${" + field).doesNotContain(" " + field + " ==");
    }
    assertThat(xml).doesNotContain("scriptFormat").doesNotContain("camunda:class");
  }
}
