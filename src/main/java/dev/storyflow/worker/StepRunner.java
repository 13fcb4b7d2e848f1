package dev.storyflow.worker;

import dev.storyflow.DaemonThreads;
import dev.storyflow.engineer.BackendEngineerTask;
import dev.storyflow.engineer.RetryPolicy;
import dev.storyflow.engineer.SecretMask;
import dev.storyflow.engineer.StepOutcome;
import dev.storyflow.lifecycle.StoryProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one locked step the same way for every worker, embedded or remote: the step's bean runs
 * outside any transaction while its {@link RunLease} extends the task's lock every third of
 * {@code storyflow.worker.lock-duration}; then the task is completed, ended with BPMN error
 * {@code BACKEND_ENGINEER_NEEDED} for the human fallback, or failed: retried
 * {@code storyflow.agent.retries} times, {@code retry-delay} apart, then an incident in Cockpit.
 * A run whose lease is lost (the engine refused an extension, or none succeeded for most of the
 * lock duration) is stopped, and its task left to the worker that holds it now.
 */
@Component
class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final StepHandlers handlers;
  private final RetryPolicy retryPolicy;
  private final SecretMask secrets;
  private final WorkerProperties properties;
  /** Heartbeats and lease checks: a thread for each run's extension request, and one for the checks. */
  private final ScheduledThreadPoolExecutor heartbeats;

  StepRunner(StepHandlers handlers, RetryPolicy retryPolicy, SecretMask secrets, WorkerProperties properties) {
    this.handlers = handlers;
    this.retryPolicy = retryPolicy;
    this.secrets = secrets;
    this.properties = properties;
    this.heartbeats = new ScheduledThreadPoolExecutor(properties.maxConcurrentRuns() + 1,
        DaemonThreads.named("storyflow-heartbeat"));
    heartbeats.setRemoveOnCancelPolicy(true);
  }

  StepHandlers handlers() {
    return handlers;
  }

  /** Runs the step on the calling thread and ends its task, unless the run lost the task's lock. */
  ExternalTaskWorker.Result run(LockedStep step, StepTasks tasks) {
    BackendEngineerTask handler = handlers.forTopic(step.topic()).orElseThrow(
        () -> new IllegalStateException("No backend-engineer step for topic " + step.topic()));
    RunLease lease = RunLease.hold(step, tasks, properties.lockDuration(), heartbeats);
    StepOutcome outcome = null;
    RuntimeException failure = null;
    try {
      outcome = handler.handle(step.storyId(), step.processInstanceId(), step.taskId(), step.variables());
    } catch (RuntimeException e) {
      failure = e;
    }
    if (!lease.end()) {
      LOG.warn("The run of step {} of story {} was stopped, and its task is left to whoever holds it: {}",
          step.topic(), step.storyId(), lease.lostBecause());
      return ExternalTaskWorker.Result.LOST;
    }
    if (failure != null) {
      fail(step, tasks, failure);
      return ExternalTaskWorker.Result.FAILED;
    }
    if (outcome.needsHuman()) {
      tasks.bpmnError(step, StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED, outcome.reason(), outcome.variables());
      return ExternalTaskWorker.Result.NEEDS_HUMAN;
    }
    tasks.complete(step, outcome.variables());
    return ExternalTaskWorker.Result.DONE;
  }

  void stop() {
    heartbeats.shutdownNow();
  }

  private void fail(LockedStep step, StepTasks tasks, RuntimeException failure) {
    boolean retry = retryPolicy.worthRetrying(failure);
    int left = !retry ? 0 : step.retries() == null ? retryPolicy.retries() : Math.max(0, step.retries() - 1);
    String message = secrets.mask(String.valueOf(failure.getMessage()));
    LOG.warn("Step {} of story {} failed ({} retries left): {}", step.topic(), step.storyId(), left, message);
    tasks.fail(step, message, secrets.mask(stackTrace(failure)), left, retryPolicy.retryDelay().toMillis());
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
