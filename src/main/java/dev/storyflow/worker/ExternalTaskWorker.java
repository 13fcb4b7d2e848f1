package dev.storyflow.worker;

import dev.storyflow.DaemonThreads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.camunda.bpm.engine.ExternalTaskService;
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
 * tasks as it has free slots ({@code storyflow.worker.max-concurrent-runs}) and hands each to the
 * {@link StepRunner}, which runs the step's bean outside any transaction and extends the lock on a
 * heartbeat while the run lives (so no lock time has to outlast the longest run, and a crashed
 * node's step is free again after {@code lock-duration}); a run that loses its lock is stopped.
 */
@Component
public class ExternalTaskWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalTaskWorker.class);
  /** The worker of each engine in this JVM, by the engine's external task service. */
  private static final Map<ExternalTaskService, ExternalTaskWorker> BY_ENGINE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * How one run of a step ended: its task completed, ended for the human fallback, failed, or left
   * alone because the run lost the task's lock and was stopped ({@link RunLease}).
   */
  public enum Result { DONE, NEEDS_HUMAN, FAILED, LOST }

  private final ExternalTaskService tasks;
  private final StepRunner runner;
  private final StepTasks engineTasks;
  private final WorkerProperties properties;
  private final String workerId;
  private final Semaphore slots;
  private final ExecutorService runs;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread fetcher;

  ExternalTaskWorker(ExternalTaskService tasks, StepRunner runner, WorkerProperties properties) {
    this.tasks = tasks;
    this.runner = runner;
    this.properties = properties;
    this.workerId = newWorkerId();
    this.engineTasks = new EngineStepTasks(tasks, workerId);
    this.slots = new Semaphore(properties.maxConcurrentRuns());
    this.runs = Executors.newFixedThreadPool(properties.maxConcurrentRuns(), DaemonThreads.named("storyflow-step"));
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
    return runner.run(LockedStep.of(task), engineTasks);
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
    fetcher = DaemonThreads.named("storyflow-worker").newThread(this::fetchLoop);
    fetcher.start();
    LOG.info("Backend-engineer worker {} runs up to {} steps at once on {}", workerId,
        properties.maxConcurrentRuns(), runner.handlers().topics());
  }

  @Override
  public void stop() {
    running = false;
    wakeUp();
    runs.shutdownNow();
    runner.stop();
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
    for (String topic : runner.handlers().topics()) {
      ExternalTaskQueryTopicBuilder topicBuilder = builder.topic(topic, properties.lockDuration().toMillis());
      builder = storyId == null ? topicBuilder : topicBuilder.businessKey(storyId);
    }
    return builder;
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

  /** A worker id: the host and a part of its own, so two workers on one host differ. */
  static String newWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "storyflow";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
