package dev.storyflow.tasklist;

import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Makes a new user task of a story readable in Tasklist: its name starts with the story id
 * ({@code US-101 · Architect review}) and its description says what it is about. What its form
 * and History tab show of earlier decisions is read from the story when asked ({@link StoryTaskReads}).
 */
@Component
class StoryTaskPresentation implements TaskListener {

  static final String SEPARATOR = " · ";

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
}
