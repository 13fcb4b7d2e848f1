package dev.storyflow.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.agent.AgentProperties.StepSettings;
import dev.storyflow.agent.WorkOrders.Limits;
import dev.storyflow.engineer.StepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Carries out one agent run: prepares its directories and files, starts the command, reads and
 * classifies what it printed, and records the run (started before the process starts, finished
 * after it ends) in {@link RunStore}.
 */
@Component
class SingleRun {

  private final AgentProperties properties;
  private final AgentDefinitions definitions;
  private final RunDirectory directories;
  private final WorkOrders workOrders;
  private final ProcessRunner processes;
  private final ReplyReader replies;
  private final ResultSchema schema;
  private final RunStore runs;
  private final ObjectMapper json;

  SingleRun(AgentProperties properties, AgentDefinitions definitions, RunDirectory directories,
      WorkOrders workOrders, ProcessRunner processes, ReplyReader replies, ResultSchema schema, RunStore runs,
      ObjectMapper json) {
    this.properties = properties;
    this.definitions = definitions;
    this.directories = directories;
    this.workOrders = workOrders;
    this.processes = processes;
    this.replies = replies;
    this.schema = schema;
    this.runs = runs;
    this.json = json;
  }

  /**
   * @param jobId the job running the step, or {@code null}
   * @param limits what the run may spend
   * @throws AgentMisconfiguredException when the agent cannot be run as configured
   */
  Finished run(StepRequest request, StepSettings settings, String jobId, Limits limits) {
    AgentDefinition definition = definitions.load(properties.definition());
    CommandLine commandLine = new CommandLine(settings.command(), settingKey(settings));
    List<String> problems = commandLine.problems();
    if (!problems.isEmpty()) {
      throw new AgentMisconfiguredException(String.join("; ", problems));
    }
    List<AgentRun> earlier = runs.list(request.processInstanceId()).stream()
        .filter(r -> r.step().equals(request.step().code())).toList();
    try (RunDirectory.Prepared dir = directories.prepare(request)) {
      AgentRun run = runs.start(request.processInstanceId(), request.storyId(), request.step().code(), jobId);
      JsonNode resultSchema = json.readTree(schema.text());
      Files.writeString(dir.workOrderFile(), json.writerWithDefaultPrettyPrinter().writeValueAsString(
          workOrders.write(request, run, limits, dir.workspace(), earlier, resultSchema)), StandardCharsets.UTF_8);
      Files.writeString(dir.systemPromptFile(), definition.systemPrompt(), StandardCharsets.UTF_8);

      ProcessRunner.Outcome outcome;
      try {
        List<String> command = commandLine.expand(placeholders(request, run, dir, definition, limits, resultSchema));
        outcome = processes.run(new ProcessRunner.Spec(command, dir.workspace(), dir.workOrderFile(),
            environment(properties.environment(), request, run, dir), settings.timeout(),
            (int) properties.outputLimit().toBytes()));
      } catch (AgentMisconfiguredException e) {
        runs.finish(ended(run, RunOutcome.NOT_STARTED, e.getMessage(), null, null, null), null, null);
        throw e;
      }
      AgentRun finished = classify(run, outcome, settings);
      try {
        runs.finish(finished, outcome.stdout(), outcome.stderr());
      } catch (RuntimeException e) {
        if (!outcome.interrupted()) {
          throw e;
        }
        // shutting down: the next attempt marks the run as lost
      }
      return new Finished(finished, dir.storyWorkspace());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the agent's work order", e);
    }
  }

  /**
   * @param run the recorded run
   * @param storyWorkspace whether the agent worked in the story's own workspace
   */
  record Finished(AgentRun run, boolean storyWorkspace) {
  }

  private AgentRun classify(AgentRun run, ProcessRunner.Outcome outcome, StepSettings settings) {
    if (outcome.interrupted()) {
      return ended(run, RunOutcome.LOST, "Storyflow stopped during the run; the agent's processes were stopped "
          + "and the run is retried", outcome, null, null);
    }
    if (outcome.timedOut()) {
      return ended(run, RunOutcome.TIMED_OUT, "the run passed its timeout of " + settings.timeout()
          + " and was killed with all its child processes", outcome, null, null);
    }
    if (outcome.stdoutTruncated()) {
      return ended(run, RunOutcome.FAILED, "the agent printed " + outcome.stdoutBytes() + " bytes on stdout, more "
          + "than storyflow.agent.output-limit (" + properties.outputLimit() + "); its result cannot be read",
          outcome, null, null);
    }
    AgentReply reply = replies.read(outcome.stdout());
    AgentReply.Result result = reply.result();
    if (outcome.exitCode() == null || outcome.exitCode() != 0) {
      String detail = reply.problem() != null ? reply.problem() : result.summary();
      return ended(run, RunOutcome.FAILED, "the agent exited with code " + outcome.exitCode() + ": " + detail,
          outcome, reply, null);
    }
    if (reply.problem() != null) {
      return ended(run, RunOutcome.FAILED, reply.problem(), outcome, reply, null);
    }
    return switch (result.status()) {
      case "done" -> ended(run, RunOutcome.DONE, null, outcome, reply, result);
      case "needs_human" -> ended(run, RunOutcome.NEEDS_HUMAN, result.summary(), outcome, reply, result);
      default -> ended(run, RunOutcome.FAILED, "the agent reported that it failed: " + result.summary(),
          outcome, reply, result);
    };
  }

  private AgentRun ended(AgentRun run, RunOutcome outcome, String reason, ProcessRunner.Outcome process,
      AgentReply reply, AgentReply.Result result) {
    AgentReply.Result described = result != null ? result : reply == null ? null : reply.result();
    String resultJson = null;
    if (result != null) {
      try {
        resultJson = json.writeValueAsString(result);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new AgentRun(run.processInstanceId(), run.number(), run.storyId(), run.step(), run.jobId(),
        run.attempt(), outcome, reason, run.started(),
        process == null ? 0L : process.duration().toMillis(), process == null ? null : process.exitCode(),
        process != null && process.timedOut(), reply == null ? null : reply.costUsd(),
        reply == null ? null : reply.turns(), reply == null ? null : reply.sessionId(),
        described == null ? null : described.summary(), resultJson,
        process == null ? null : process.stdoutBytes(), process == null ? null : process.stderrBytes(), run.node());
  }

  /** The values of the command's placeholders ({@link CommandLine#PLACEHOLDERS}) for one run. */
  static Map<String, String> placeholders(StepRequest request, AgentRun run, RunDirectory.Prepared dir,
      AgentDefinition definition, Limits limits, JsonNode resultSchema) {
    Map<String, String> values = new HashMap<>();
    values.put("workOrderFile", dir.workOrderFile().toString());
    values.put("systemPromptFile", dir.systemPromptFile().toString());
    values.put("workspace", dir.workspace().toString());
    values.put("storyId", request.storyId());
    values.put("step", request.step().code());
    values.put("maxTurns", Integer.toString(limits.maxTurns()));
    values.put("budgetUsd", limits.budgetUsd().setScale(2, RoundingMode.DOWN).toPlainString());
    if (definition.model() != null && !"inherit".equalsIgnoreCase(definition.model())) {
      values.put("model", definition.model());
    }
    values.put("systemPrompt", definition.systemPrompt());
    values.put("resultSchema", resultSchema.toString());
    return values;
  }

  /**
   * Only the allowed variables of Storyflow's own environment ({@code storyflow.agent.environment}), and the
   * run's own.
   */
  static Map<String, String> environment(List<String> allowed, StepRequest request, AgentRun run,
      RunDirectory.Prepared dir) {
    Map<String, String> environment = new HashMap<>();
    allowed.forEach(name -> {
      String value = System.getenv(name);
      if (value != null) {
        environment.put(name, value);
      }
    });
    environment.put("STORYFLOW_STORY_ID", request.storyId());
    environment.put("STORYFLOW_STEP", request.step().code());
    environment.put("STORYFLOW_RUN", Integer.toString(run.number()));
    environment.put("STORYFLOW_WORK_ORDER_FILE", dir.workOrderFile().toString());
    environment.put("STORYFLOW_WORKSPACE", dir.workspace().toString());
    return environment;
  }

  private static String settingKey(StepSettings settings) {
    return "storyflow.agent.command (or storyflow.agent.steps." + settings.step().code() + ".command)";
  }
}
