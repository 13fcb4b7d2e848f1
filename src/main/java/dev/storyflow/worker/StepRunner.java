package dev.storyflow.worker;

import dev.storyflow.engineer.BackendEngineerTask;
import dev.storyflow.engineer.RetryPolicy;
import dev.storyflow.engineer.SecretMask;
import dev.storyflow.engineer.StepOutcome;
import dev.storyflow.lifecycle.StoryProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one locked step the same way for every worker, embedded or remote: the step's bean runs
 * outside any transaction while a heartbeat extends the task's lock every third of
 * {@code storyflow.worker.lock-duration}; then the task is completed, ended with BPMN error
 * {@code BACKEND_ENGINEER_NEEDED} for the human fallback, or failed: retried
 * {@code storyflow.agent.retries} times, {@code retry-delay} apart, then an incident in Cockpit.
 */
@Component
class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final StepHandlers handlers;
  private final RetryPolicy retryPolicy;
  private final SecretMask secrets;
  private final WorkerProperties properties;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "storyflow-heartbeat");
    thread.setDaemon(true);
    return thread;
  });

  StepRunner(StepHandlers handlers, RetryPolicy retryPolicy, SecretMask secrets, WorkerProperties properties) {
    this.handlers = handlers;
    this.retryPolicy = retryPolicy;
    this.secrets = secrets;
    this.properties = properties;
  }

  StepHandlers handlers() {
    return handlers;
  }

  /** Runs the step and ends its task. */
  ExternalTaskWorker.Result run(LockedStep step, StepTasks tasks) {
    BackendEngineerTask handler = handlers.forTopic(step.topic()).orElseThrow(
        () -> new IllegalStateException("No backend-engineer step for topic " + step.topic()));
    long lockMillis = properties.lockDuration().toMillis();
    ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendLock(step, tasks), lockMillis / 3,
        lockMillis / 3, TimeUnit.MILLISECONDS);
    StepOutcome outcome;
    try {
      outcome = handler.handle(step.storyId(), step.processInstanceId(), step.taskId(), step.variables());
    } catch (RuntimeException e) {
      heartbeat.cancel(false);
      fail(step, tasks, e);
      return ExternalTaskWorker.Result.FAILED;
    }
    heartbeat.cancel(false);
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

  private void extendLock(LockedStep step, StepTasks tasks) {
    try {
      tasks.extendLock(step, properties.lockDuration().toMillis());
    } catch (RuntimeException e) {
      LOG.warn("Could not extend the lock of step task {} of story {}: {}", step.taskId(), step.storyId(),
          e.getMessage());
    }
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
