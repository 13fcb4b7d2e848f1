package dev.storyflow.worker;

import dev.storyflow.engineer.BackendEngineerTask;
import dev.storyflow.engineer.RetryPolicy;
import dev.storyflow.engineer.SecretMask;
import dev.storyflow.engineer.StepOutcome;
import dev.storyflow.lifecycle.StoryProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Storyflow's embedded worker for the backend engineer's external tasks (topics
 * {@code backend-engineer.{step}}), through the engine's Java API. It fetches and locks as many
 * tasks as it has free slots ({@code storyflow.worker.max-concurrent-runs}), runs each step's
 * bean outside any transaction, extends the lock on a heartbeat while the run lives (so no lock
 * time has to outlast the longest run, and a crashed node's step is free again after
 * {@code lock-duration}), then completes the task, raises BPMN error
 * {@code BACKEND_ENGINEER_NEEDED} for the human fallback, or reports a failure: retried
 * {@code storyflow.agent.retries} times, {@code retry-delay} apart, then an incident in Cockpit.
 */
@Component
public class ExternalTaskWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalTaskWorker.class);
  private static final int COMPLETION_ATTEMPTS = 3;
  /** The worker of each engine in this JVM, by the engine's external task service. */
  private static final Map<ExternalTaskService, ExternalTaskWorker> BY_ENGINE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** How one run of a step ended. */
  public enum Result { DONE, NEEDS_HUMAN, FAILED }

  private final ExternalTaskService tasks;
  private final StepHandlers handlers;
  private final RetryPolicy retryPolicy;
  private final SecretMask secrets;
  private final WorkerProperties properties;
  private final String workerId;
  private final Semaphore slots;
  private final ExecutorService runs;
  private final ScheduledExecutorService heartbeats;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread fetcher;

  ExternalTaskWorker(ExternalTaskService tasks, StepHandlers handlers, RetryPolicy retryPolicy, SecretMask secrets,
      WorkerProperties properties) {
    this.tasks = tasks;
    this.handlers = handlers;
    this.retryPolicy = retryPolicy;
    this.secrets = secrets;
    this.properties = properties;
    this.workerId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.slots = new Semaphore(properties.maxConcurrentRuns());
    this.runs = Executors.newFixedThreadPool(properties.maxConcurrentRuns(), daemon("storyflow-step"));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("storyflow-heartbeat"));
    BY_ENGINE.put(tasks, this);
  }

  /** The worker of an engine running in this JVM, for callers that hold only the engine (test drivers). */
  public static ExternalTaskWorker of(ProcessEngine engine) {
    return Optional.ofNullable(BY_ENGINE.get(engine.getExternalTaskService()))
        .orElseThrow(() -> new IllegalStateException("No Storyflow worker for engine " + engine.getName()));
  }

  public String workerId() {
    return workerId;
  }

  /** Fetches and locks the step tasks of a story for this worker (tests drive single steps so). */
  public List<LockedExternalTask> lock(String storyId, String activityId) {
    List<LockedExternalTask> locked = builder(Integer.MAX_VALUE, storyId).execute();
    locked.stream().filter(task -> !task.getActivityId().equals(activityId)).forEach(task -> tasks.unlock(task.getId()));
    return locked.stream().filter(task -> task.getActivityId().equals(activityId)).toList();
  }

  /**
   * Runs one locked step and ends its task: completed, BPMN error for the human fallback, or a
   * failure with the retries left.
   */
  public Result run(LockedExternalTask task) {
    BackendEngineerTask handler = handlers.forTopic(task.getTopicName()).orElseThrow(
        () -> new IllegalStateException("No backend-engineer step for topic " + task.getTopicName()));
    long lockMillis = properties.lockDuration().toMillis();
    ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendLock(task), lockMillis / 3,
        lockMillis / 3, TimeUnit.MILLISECONDS);
    StepOutcome outcome;
    try {
      outcome = handler.handle(task.getBusinessKey(), task.getProcessInstanceId(), task.getId(), task.getVariables());
    } catch (RuntimeException e) {
      heartbeat.cancel(false);
      fail(task, e);
      return Result.FAILED;
    }
    heartbeat.cancel(false);
    if (outcome.needsHuman()) {
      retryingConflicts(() -> tasks.handleBpmnError(task.getId(), workerId, StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED,
          outcome.reason(), outcome.variables()));
      return Result.NEEDS_HUMAN;
    }
    retryingConflicts(() -> tasks.complete(task.getId(), workerId, outcome.variables()));
    return Result.DONE;
  }

  /** A new step task was committed: fetch now instead of at the end of the idle wait. */
  void wakeUp() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      LOG.info("The embedded backend-engineer worker is off (storyflow.worker.enabled=false)");
      return;
    }
    running = true;
    fetcher = daemon("storyflow-worker").newThread(this::fetchLoop);
    fetcher.start();
    LOG.info("Backend-engineer worker {} runs up to {} steps at once on {}", workerId,
        properties.maxConcurrentRuns(), handlers.topics());
  }

  @Override
  public void stop() {
    running = false;
    wakeUp();
    runs.shutdownNow();
    heartbeats.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void fetchLoop() {
    while (running) {
      try {
        int free = slots.availablePermits();
        List<LockedExternalTask> locked = free == 0 ? List.of() : builder(free, null).execute();
        for (LockedExternalTask task : locked) {
          slots.acquire();
          runs.submit(() -> {
            try {
              run(task);
            } catch (RuntimeException e) {
              LOG.error("Step task {} of story {} could not be ended; its lock runs out and it runs again", task.getId(),
                  task.getBusinessKey(), e);
            } finally {
              slots.release();
              wakeUp();
            }
          });
        }
        if (locked.isEmpty()) {
          awaitSignal();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Fetching step tasks failed ({}); trying again", e.getMessage());
          sleepQuietly();
        }
      }
    }
  }

  private ExternalTaskQueryBuilder builder(int max, String storyId) {
    ExternalTaskQueryBuilder builder = tasks.fetchAndLock(max, workerId);
    for (String topic : handlers.topics()) {
      ExternalTaskQueryTopicBuilder topicBuilder = builder.topic(topic, properties.lockDuration().toMillis());
      builder = storyId == null ? topicBuilder : topicBuilder.businessKey(storyId);
    }
    return builder;
  }

  private void extendLock(LockedExternalTask task) {
    try {
      tasks.extendLock(task.getId(), workerId, properties.lockDuration().toMillis());
    } catch (RuntimeException e) {
      LOG.warn("Could not extend the lock of step task {} of story {}: {}", task.getId(), task.getBusinessKey(),
          e.getMessage());
    }
  }

  private void fail(LockedExternalTask task, RuntimeException failure) {
    boolean retry = retryPolicy.worthRetrying(failure);
    int left = !retry ? 0 : task.getRetries() == null ? retryPolicy.retries() : Math.max(0, task.getRetries() - 1);
    String message = secrets.mask(String.valueOf(failure.getMessage()));
    LOG.warn("Step {} of story {} failed ({} retries left): {}", task.getTopicName(), task.getBusinessKey(), left,
        message);
    retryingConflicts(() -> tasks.handleFailure(task.getId(), workerId, message, secrets.mask(stackTrace(failure)),
        left, retryPolicy.retryDelay().toMillis()));
  }

  /** A human's completion may touch the story at the same moment: try again at once, not after a retry delay. */
  private static void retryingConflicts(Runnable end) {
    for (int attempt = 1; ; attempt++) {
      try {
        end.run();
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == COMPLETION_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void awaitSignal() throws InterruptedException {
    synchronized (signal) {
      if (!woken) {
        signal.wait(properties.idleWait().toMillis());
      }
      woken = false;
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "storyflow";
    }
  }
}
