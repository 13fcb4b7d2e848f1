package dev.storyflow.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Values a story task's form shows that are not the story's own variables (the reviews so far, a
 * suggested value, the options of a list). They are computed when the form's variables are read
 * ({@code GET /task/{id}/form-variables}, which Tasklist calls for every form, or
 * {@code FormService.getTaskFormVariables}), never stored: a task carries no copies, and a form
 * always shows what is true now. See {@link StoryTaskReads}.
 */
public interface FormValues {

  /**
   * The values the form of this task shows, by variable name; a name that is also a story variable
   * is shown with this value instead. Empty for a task whose form shows none of them.
   */
  Map<String, TypedValue> of(DelegateTask task);
}
