package dev.storyflow.bare;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reference process's service tasks: asynchronous (a job each), and doing nothing. */
@Component("noOp")
class NoOp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // nothing: the job itself is what is measured
  }
}
