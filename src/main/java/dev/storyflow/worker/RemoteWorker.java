package dev.storyflow.worker;

import dev.storyflow.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A remote backend-engineer worker: Camunda's external task client against the engine node's
 * {@code /engine-rest}, logged in as the backend-engineer service account. It long-polls for one
 * task at a time, and only while it has a free slot ({@code storyflow.worker.max-concurrent-runs}),
 * so no task it locked ever waits for a slot while another worker could run it; each task goes to
 * the {@link StepRunner}, as on an engine node. A request the engine node leaves unanswered well
 * past the long poll is given up and asked again; when the node cannot be reached, the worker
 * tries again with a backoff of at most {@value #BACKOFF_MAX_MILLIS} ms.
 */
class RemoteWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteWorker.class);
  /** The longest wait before fetching again after the engine node could not be reached. */
  private static final long BACKOFF_MAX_MILLIS = 10_000;
  /**
   * How much longer than its long poll a request may go unanswered before the worker gives up on it
   * and asks again: a lost connection (the engine node crashed, a proxy dropped it) must not leave
   * the worker waiting forever.
   */
  private static final long ANSWER_MARGIN_MILLIS = 30_000;

  private final StepRunner runner;
  private final WorkerProperties properties;
  private final String workerId = ExternalTaskWorker.newWorkerId();
  private final Semaphore slots;
  private final ExecutorService runs;
  private ExternalTaskClient client;

  RemoteWorker(StepRunner runner, WorkerProperties properties) {
    this.runner = runner;
    this.properties = properties;
    this.slots = new Semaphore(properties.maxConcurrentRuns());
    this.runs = Executors.newFixedThreadPool(properties.maxConcurrentRuns(), DaemonThreads.named("storyflow-step"));
  }

  @Override
  public void start() {
    long lockMillis = properties.lockDuration().toMillis();
    client = ExternalTaskClient.create()
        .baseUrl(properties.engineUrl().toString())
        .workerId(workerId)
        .addInterceptor(new BasicAuthProvider(properties.username(), properties.password()))
        .maxTasks(1)
        .lockDuration(lockMillis)
        .asyncResponseTimeout(properties.idleWait().toMillis())
        .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, BACKOFF_MAX_MILLIS))
        .customizeHttpClient(http -> http.setDefaultRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(properties.idleWait().toMillis() + ANSWER_MARGIN_MILLIS))
                .build())
            // the long poll, and for each run its heartbeat and its own request, all at once: a slow
            // request must not make the others wait for a connection (HttpClient's default is 5)
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(2 * properties.maxConcurrentRuns() + 1)
                .setMaxConnTotal(2 * properties.maxConcurrentRuns() + 1)
                .build()))
        .build();
    for (String topic : runner.handlers().topics()) {
      client.subscribe(topic).lockDuration(lockMillis).handler(this::handle).open();
    }
    LOG.info("Remote backend-engineer worker {} runs up to {} steps at once on {} for {}", workerId,
        properties.maxConcurrentRuns(), runner.handlers().topics(), properties.engineUrl());
  }

  /**
   * Called by the client's fetch thread for each task it locked: hands the task to a slot, and
   * returns (so the client fetches again) only once a slot is free for the next one.
   */
  private void handle(ExternalTask task, ExternalTaskService service) {
    LockedStep step = new LockedStep(task.getId(), task.getTopicName(), task.getBusinessKey(),
        task.getProcessInstanceId(), task.getRetries(), task.getAllVariables());
    try {
      slots.acquire();
      runs.submit(() -> {
        try {
          runner.run(step, new RestStepTasks(service));
        } catch (RuntimeException e) {
          LOG.error("Step task {} of story {} could not be ended; its lock runs out and it runs again", step.taskId(),
              step.storyId(), e);
        } finally {
          slots.release();
        }
      });
      slots.acquire();
      slots.release();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    if (client != null) {
      client.stop();
    }
    runs.shutdownNow();
    runner.stop();
  }

  @Override
  public boolean isRunning() {
    return client != null && client.isActive();
  }
}
