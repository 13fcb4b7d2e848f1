package dev.storyflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Sets the {@code status} variable when the story enters a status. */
@Component("storyStatus")
class StatusListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (StoryProcess.END_EVENT_WITHDRAWN.equals(execution.getCurrentActivityId())) {
      execution.setVariable(StoryVariables.STATUS, StoryProcess.STATUS_WITHDRAWN);
      return;
    }
    Status status = Status.enteredAt(execution.getCurrentActivityId())
        .orElseThrow(() -> new IllegalStateException(
            "Element " + execution.getCurrentActivityId() + " does not enter a status"));
    execution.setVariable(StoryVariables.STATUS, status.name());
  }
}
