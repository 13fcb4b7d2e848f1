package dev.storyflow.agent;

import dev.storyflow.engineer.StepRequest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Finds the job that runs a step (its service task is asynchronous). Retries of a job keep its
 * id, so the runs of one job are the attempts at one step.
 */
@Component
class CurrentJob {

  private final ManagementService managementService;

  CurrentJob(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** The job's id, or {@code null} when the step does not run in a job. */
  String idOf(StepRequest request) {
    return managementService.createJobQuery()
        .processInstanceId(request.processInstanceId())
        .activityId(request.step().taskId())
        .list().stream().findFirst().map(Job::getId).orElse(null);
  }
}
