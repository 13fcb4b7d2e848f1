package dev.storyflow.tasklist;

import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryTask;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Makes a new user task of a story readable in Tasklist: its name starts with the story id
 * ({@code US-101 · Architect review}), its description says what it is about, the task-local JSON
 * variable {@value #REVIEWS} holds the decisions so far for the form's "Reviews so far", and the
 * story's comments so far are put on the task for its History tab ({@link EarlierComments}).
 */
@Component
class StoryTaskPresentation implements TaskListener {

  /** Task-local: the newest decisions on the story ({@link Review}), oldest first. */
  static final String REVIEWS = "reviews";
  static final String SEPARATOR = " · ";
  private static final Logger LOG = LoggerFactory.getLogger(StoryTaskPresentation.class);

  private final ReviewsSoFar reviewsSoFar;
  private final EarlierComments earlierComments;
  private final ObjectMapper json;

  StoryTaskPresentation(ReviewsSoFar reviewsSoFar, EarlierComments earlierComments, ObjectMapper json) {
    this.reviewsSoFar = reviewsSoFar;
    this.earlierComments = earlierComments;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String storyId = task.getExecution().getProcessBusinessKey();
    if (storyId == null) {
      return;
    }
    String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    if (!step.startsWith(storyId + SEPARATOR)) {
      task.setName(storyId + SEPARATOR + step);
    }
    task.setDescription(description(task, storyId));
    List<Review> reviews;
    try {
      reviews = reviewsSoFar.of(storyId, key -> stepName(task, key));
    } catch (DataAccessException unreadable) {
      // what a form shows never stops the story: the task comes without its reviews so far
      LOG.warn("The reviews so far of story {} cannot be read for task {}: {}", storyId, task.getId(),
          unreadable.getMessage());
      return;
    }
    if (!reviews.isEmpty()) {
      task.setVariableLocal(REVIEWS, SpinValues.jsonValue(write(ReviewsSoFar.shown(reviews))).create());
    }
    earlierComments.copyTo(task, reviews);
  }

  private static String description(DelegateTask task, String storyId) {
    Object title = task.getVariable(TITLE);
    String status = StoryTask.ofId(task.getTaskDefinitionKey()).map(StoryTask::status)
        .or(() -> Status.ofCode(String.valueOf(task.getVariable(STATUS))))
        .map(Status::label).orElse("its current status");
    String role = StoryTask.ofId(task.getTaskDefinitionKey()).map(t -> t.role().label()).orElse("The team");
    return "Story " + storyId + (title instanceof String t ? " “" + t + "”" : "") + ", in " + status + ". " + role
        + ": claim the task, read the story, the reports and the reviews so far in the Form tab, and decide there."
        + " The History tab lists the story's comments.";
  }

  /** The name of a step of the story process, e.g. "Architect review" for {@code Task_ArchitectReview}. */
  private static String stepName(DelegateTask task, String taskKey) {
    if (taskKey == null) {
      return "";
    }
    ModelElementInstance element = task.getBpmnModelElementInstance().getModelInstance().getModelElementById(taskKey);
    return element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : taskKey;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the reviews", e);
    }
  }
}
