package dev.storyflow.agent;

import dev.storyflow.identity.EngineAccess;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine node's side of {@link RunStoreClient}: remote workers record and read agent runs in
 * the node's {@link RunStoreTable}. Part of the worker API, for the backend-engineer service
 * account only (see {@code worker.WorkerAccess}).
 */
@Hidden
@RestController
@RequestMapping(path = "/api/worker/runs", produces = MediaType.APPLICATION_JSON_VALUE)
class RunStoreEndpoint {

  /** A run to start, on the worker's host. */
  record Start(String processInstanceId, String storyId, String step, String jobId, String node) {
  }

  /** How a run ended, with its output. */
  record Finish(AgentRun run, String stdout, String stderr) {
  }

  /** The step whose running runs are lost. */
  record Lost(String processInstanceId, String step) {
  }

  /** A run whose work the step's checks refused. */
  record ChecksFailed(AgentRun run, String report) {
  }

  /** The story's runs to show as {@code agentRuns}. */
  record Publish(String processInstanceId, String agentRuns) {
  }

  private final RunStoreTable runs;
  private final EngineAccess engine;

  RunStoreEndpoint(RunStoreTable runs, EngineAccess engine) {
    this.runs = runs;
    this.engine = engine;
  }

  @PostMapping(path = "/start", consumes = MediaType.APPLICATION_JSON_VALUE)
  AgentRun start(@RequestBody Start start) {
    return runs.start(start.processInstanceId(), start.storyId(), start.step(), start.jobId(), start.node());
  }

  @PostMapping(path = "/finish", consumes = MediaType.APPLICATION_JSON_VALUE)
  void finish(@RequestBody Finish finish) {
    runs.finish(finish.run(), finish.stdout(), finish.stderr());
  }

  @PostMapping(path = "/lost", consumes = MediaType.APPLICATION_JSON_VALUE)
  int markLost(@RequestBody Lost lost) {
    return runs.markLost(lost.processInstanceId(), lost.step());
  }

  @PostMapping(path = "/checks-failed", consumes = MediaType.APPLICATION_JSON_VALUE)
  void markChecksFailed(@RequestBody ChecksFailed failed) {
    runs.markChecksFailed(failed.run(), failed.report());
  }

  @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
  void publish(@RequestBody Publish publish) {
    // the worker's record, written as Storyflow's own code (the service account sets no variables itself)
    engine.asSystem(() -> {
      runs.publish(publish.processInstanceId(), publish.agentRuns());
      return null;
    });
  }

  @GetMapping
  List<AgentRun> list(@RequestParam String processInstanceId) {
    return runs.list(processInstanceId);
  }

  @GetMapping("/last")
  Optional<AgentRun> lastOfJob(@RequestParam String jobId) {
    return runs.lastOfJob(jobId);
  }

  @GetMapping("/spent")
  BigDecimal spentUsd(@RequestParam String processInstanceId) {
    return runs.spentUsd(processInstanceId);
  }

  @GetMapping("/log")
  Optional<RunStore.RunLog> log(@RequestParam String processInstanceId, @RequestParam int number) {
    return runs.log(processInstanceId, number);
  }
}
