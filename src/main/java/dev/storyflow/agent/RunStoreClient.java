package dev.storyflow.agent;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.storyflow.worker.EngineNode;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RunStore} of a remote worker: every read and write goes to the engine node's
 * {@link RunStoreEndpoint}, so the runs of all workers are in one table, numbered by the
 * database. Each call is one request, committed on the node before it answers.
 */
public class RunStoreClient implements RunStore {

  private static final TypeFactory TYPES = TypeFactory.defaultInstance();

  private final EngineNode node;
  private final String host;

  public RunStoreClient(EngineNode node) {
    this.node = node;
    this.host = hostName();
  }

  @Override
  public AgentRun start(String processInstanceId, String storyId, String step, String jobId) {
    return node.post("runs/start", new RunStoreEndpoint.Start(processInstanceId, storyId, step, jobId, host),
        TYPES.constructType(AgentRun.class));
  }

  @Override
  public void finish(AgentRun run, String stdout, String stderr) {
    node.post("runs/finish", new RunStoreEndpoint.Finish(run, stdout, stderr), null);
  }

  @Override
  public int markLost(String processInstanceId, String step) {
    Integer lost = node.post("runs/lost", new RunStoreEndpoint.Lost(processInstanceId, step),
        TYPES.constructType(Integer.class));
    return lost == null ? 0 : lost;
  }

  @Override
  public void markChecksFailed(AgentRun run, String report) {
    node.post("runs/checks-failed", new RunStoreEndpoint.ChecksFailed(run, report), null);
  }

  @Override
  public List<AgentRun> list(String processInstanceId) {
    return node.get("runs", Map.of("processInstanceId", processInstanceId),
        TYPES.constructCollectionType(List.class, AgentRun.class));
  }

  @Override
  public Optional<AgentRun> lastOfJob(String jobId) {
    if (jobId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(node.get("runs/last", Map.of("jobId", jobId), TYPES.constructType(AgentRun.class)));
  }

  @Override
  public BigDecimal spentUsd(String processInstanceId) {
    BigDecimal spent = node.get("runs/spent", Map.of("processInstanceId", processInstanceId),
        TYPES.constructType(BigDecimal.class));
    return spent == null ? BigDecimal.ZERO : spent;
  }

  @Override
  public Optional<RunLog> log(String processInstanceId, int number) {
    JavaType type = TYPES.constructType(RunLog.class);
    return Optional.ofNullable(node.get("runs/log", Map.of("processInstanceId", processInstanceId,
        "number", Integer.toString(number)), type));
  }

  @Override
  public void publish(String processInstanceId, String agentRuns) {
    node.post("runs/publish", new RunStoreEndpoint.Publish(processInstanceId, agentRuns), null);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
