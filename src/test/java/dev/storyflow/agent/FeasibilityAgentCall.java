package dev.storyflow.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.agent.WorkOrders.Limits;
import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryVariablesMapper;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Asks an agent command for its feasibility findings on one story outside any process, the way the
 * {@code feasibility} step asks it: the same work order (no comments, reports or earlier runs, as for
 * a new story), the shipped agent definition, the placeholders, the environment allow-list and the
 * result schema. For the evaluation of agents ({@code feasibility.AgentFindingsRun}); nothing is
 * recorded in a database.
 */
public final class FeasibilityAgentCall {

  /**
   * @param findings the agent's findings when it answered {@code done}, else empty
   * @param problem why there is no usable answer, or {@code null}
   * @param costUsd what the run cost, when the agent said
   * @param duration how long it ran
   */
  public record Answer(List<Map<String, Object>> findings, String problem, BigDecimal costUsd, Duration duration) {
  }

  /** A new story's work order: no comments, and nothing else of the engine is read. */
  private static final EngineReads NO_ENGINE = new EngineReads() {
    @Override
    public List<TaskComment> comments(String processInstanceId) {
      return List.of();
    }

    @Override
    public WordCounts runningWordCounts(Collection<String> words, int atMost, String exceptProcessInstanceId) {
      throw new UnsupportedOperationException("no engine in an evaluation run");
    }

    @Override
    public List<StoryWords> runningStoriesWith(Collection<String> words, String title, int limit,
        String exceptProcessInstanceId) {
      throw new UnsupportedOperationException("no engine in an evaluation run");
    }

    @Override
    public Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs) {
      throw new UnsupportedOperationException("no engine in an evaluation run");
    }
  };

  private final ObjectMapper json = new ObjectMapper();
  private final ResultSchema schema = new ResultSchema();
  private final ReplyReader reader = new ReplyReader(json, schema);
  private final WorkOrders workOrders = new WorkOrders(json, NO_ENGINE);
  private final ProcessRunner processes = new ProcessRunner(text -> text);
  private final StoryVariablesMapper mapper = new StoryVariablesMapper(
      Validation.buildDefaultValidatorFactory().getValidator(), List.of());
  /** Every setting at its default, as a Storyflow without configuration has it. */
  private final AgentProperties defaults = new Binder(new MapConfigurationPropertySource())
      .bindOrCreate("storyflow.agent", AgentProperties.class);
  private final AgentDefinition definition = new AgentDefinitions().load(defaults.definition());
  private final CommandLine command;
  private final Duration timeout;

  /**
   * @param command the agent CLI as a list of arguments, with the placeholders of
   *     {@code storyflow.agent.command}
   * @param timeout per story
   */
  public FeasibilityAgentCall(List<String> command, Duration timeout) {
    this.command = new CommandLine(List.copyOf(command), "the agent command");
    List<String> problems = this.command.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.timeout = timeout;
  }

  public Answer ask(StoryInput story) {
    Path files = null;
    Instant started = Instant.now();
    try {
      files = Files.createTempDirectory("storyflow-agent-eval-");
      Path workspace = Files.createDirectories(files.resolve("workspace"));
      RunDirectory.Prepared dir = new RunDirectory.Prepared(files, workspace, false);
      StepRequest request = new StepRequest(Step.FEASIBILITY, story.storyId(), "evaluation-" + story.storyId(),
          mapper.toVariables(story), false);
      AgentRun run = new AgentRun(request.processInstanceId(), 1, story.storyId(), Step.FEASIBILITY.code(), null, 1,
          RunOutcome.RUNNING, null, started, null, null, false, null, null, null, null, null, null, null, "evaluation");
      Limits limits = new Limits(defaults.maxTurns(), defaults.budgetUsd(), timeout);
      JsonNode resultSchema = json.readTree(schema.text());
      Files.writeString(dir.workOrderFile(), json.writerWithDefaultPrettyPrinter().writeValueAsString(
          workOrders.write(request, run, limits, workspace, List.of(), resultSchema)), StandardCharsets.UTF_8);
      Files.writeString(dir.systemPromptFile(), definition.systemPrompt(), StandardCharsets.UTF_8);
      ProcessRunner.Outcome outcome = processes.run(new ProcessRunner.Spec(
          command.expand(SingleRun.placeholders(request, run, dir, definition, limits, resultSchema)), workspace,
          dir.workOrderFile(), SingleRun.environment(defaults.environment(), request, run, dir), timeout,
          (int) defaults.outputLimit().toBytes()));
      return answer(outcome);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (files != null) {
        FileSystemUtils.deleteRecursively(files.toFile());
      }
    }
  }

  private Answer answer(ProcessRunner.Outcome outcome) {
    if (outcome.timedOut()) {
      return new Answer(List.of(), "timed out after " + timeout, null, outcome.duration());
    }
    if (outcome.exitCode() == null || outcome.exitCode() != 0) {
      return new Answer(List.of(), "exit code " + outcome.exitCode(), null, outcome.duration());
    }
    AgentReply reply = reader.read(outcome.stdout());
    if (reply.problem() != null) {
      return new Answer(List.of(), reply.problem(), reply.costUsd(), outcome.duration());
    }
    if (!"done".equals(reply.result().status())) {
      return new Answer(List.of(), "status " + reply.result().status() + ": " + reply.result().summary(),
          reply.costUsd(), outcome.duration());
    }
    return new Answer(reply.result().findings(), null, reply.costUsd(), outcome.duration());
  }
}
