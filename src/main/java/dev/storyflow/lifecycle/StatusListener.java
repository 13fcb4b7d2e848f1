package dev.storyflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Sets the {@code status} variable when the story enters a status. */
@Component("storyStatus")
class StatusListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Status status = Status.enteredAt(execution.getCurrentActivityId())
        .orElseThrow(() -> new IllegalStateException(
            "Element " + execution.getCurrentActivityId() + " does not enter a status"));
    execution.setVariable(StoryVariables.STATUS, status.name());
  }
}
