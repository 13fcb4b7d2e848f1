package dev.storyflow.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.agent.AgentProperties.StepSettings;
import dev.storyflow.agent.WorkOrders.Limits;
import dev.storyflow.engineer.Agent;
import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import dev.storyflow.lifecycle.StoryVariables;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code command} agent: an external agent CLI does the step. It decides what a run's outcome
 * means for the story:
 * <ul>
 *   <li>{@code done}: the step's result (the agent's work is pushed to the story branch first);
 *   <li>{@code needs_human}: the human fallback at once;
 *   <li>a failed run: a job retry ({@code storyflow.agent.retries}, after
 *       {@code storyflow.agent.retry-delay}); after the last one, or when the story's budget is
 *       spent, the human fallback with the reason;
 *   <li>a configuration problem: an incident.
 * </ul>
 * A run whose answer is recorded but whose job was rolled back (the engine died right after it)
 * is not run again: its answer is used.
 */
@Component
class CommandAgent implements Agent {

  private static final Logger LOG = LoggerFactory.getLogger(CommandAgent.class);

  private final AgentProperties properties;
  private final SingleRun singleRun;
  private final RunStore runs;
  private final RunAudit audit;
  private final RunDirectory directories;
  private final ObjectMapper json;

  CommandAgent(AgentProperties properties, SingleRun singleRun, RunStore runs, RunAudit audit,
      RunDirectory directories, ObjectMapper json) {
    this.properties = properties;
    this.singleRun = singleRun;
    this.runs = runs;
    this.audit = audit;
    this.directories = directories;
    this.json = json;
  }

  @Override
  public StepResult perform(StepRequest request) {
    StepSettings settings = properties.forStep(request.step());
    String processInstanceId = request.processInstanceId();
    String jobId = request.taskId();
    if (runs.markLost(processInstanceId, request.step().code()) > 0) {
      LOG.warn("Story {}: an agent run of step {} was lost (Storyflow stopped during it); running it again",
          request.storyId(), request.step().code());
    }
    Optional<AgentRun> answered = runs.lastOfJob(jobId).filter(r -> r.outcome().isAnswer());
    if (answered.isPresent()) {
      LOG.info("Story {}: using the recorded answer of agent run {} for step {}", request.storyId(),
          answered.get().number(), request.step().code());
      audit.update(processInstanceId);
      return answer(answered.get(), request, request.variables().get(StoryVariables.REPOSITORY) != null);
    }

    BigDecimal budget = properties.budgetUsd();
    BigDecimal spent = runs.spentUsd(processInstanceId);
    if (spent.compareTo(budget) >= 0) {
      audit.update(processInstanceId);
      throw new BackendEngineerNeededException(budgetSpent(spent, budget) + " No agent run was started for step '"
          + request.step().code() + "'.");
    }
    SingleRun.Finished finished = singleRun.run(request, settings, jobId,
        new Limits(properties.maxTurns(), budget.subtract(spent), settings.timeout()));
    AgentRun run = finished.run();
    if (run.outcome() == RunOutcome.LOST) {
      throw new AgentRunFailedException("Storyflow stopped during agent run " + run.number() + " of story "
          + request.storyId());
    }
    audit.update(processInstanceId);
    LOG.info("Story {}: agent run {} (step {}, attempt {}) ended {}{}", request.storyId(), run.number(), run.step(),
        run.attempt(), run.outcome(), run.reason() == null ? "" : ": " + run.reason());
    if (run.outcome().isAnswer()) {
      return answer(run, request, finished.storyWorkspace());
    }
    return failed(run, request);
  }

  @Override
  public RuntimeException checksFailed(StepRequest request, BackendEngineerNeededException failure) {
    Optional<AgentRun> run = runs.lastOfJob(request.taskId()).filter(r -> r.outcome() == RunOutcome.DONE);
    if (run.isEmpty()) {
      return failure;
    }
    runs.markChecksFailed(run.get(), failure.getMessage());
    audit.update(request.processInstanceId());
    int tries = properties.retries() + 1;
    String what = "The step's checks failed on agent run " + run.get().number() + " of step '" + request.step().code()
        + "': " + failure.getMessage();
    BigDecimal spent = runs.spentUsd(request.processInstanceId());
    if (spent.compareTo(properties.budgetUsd()) >= 0) {
      return new BackendEngineerNeededException(what + " " + budgetSpent(spent, properties.budgetUsd()), failure.report());
    }
    if (run.get().attempt() >= tries) {
      return new BackendEngineerNeededException(what + " That was attempt " + run.get().attempt() + " of " + tries
          + " (storyflow.agent.retries = " + properties.retries() + "); a backend engineer must take over.",
          failure.report());
    }
    LOG.info("Story {}: the checks failed on agent run {}; the agent gets the report and another go",
        request.storyId(), run.get().number());
    return new AgentRunFailedException(what + " (attempt " + run.get().attempt() + " of " + tries
        + "; the agent runs again with this report after " + properties.retryDelay() + ")");
  }

  private StepResult answer(AgentRun run, StepRequest request, boolean storyWorkspace) {
    AgentReply.Result result = result(run);
    if (run.outcome() == RunOutcome.NEEDS_HUMAN) {
      throw new BackendEngineerNeededException("The agent asks for a human backend engineer (agent run "
          + run.number() + "): " + result.summary() + (result.notes() == null ? "" : " " + result.notes()));
    }
    directories.publish(request, storyWorkspace, "Storyflow: " + request.step().code() + " by the agent (run "
        + run.number() + ")");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", result.status());
    report.put("summary", result.summary());
    report.put("changedFiles", result.changedFiles());
    if (result.notes() != null) {
      report.put("notes", result.notes());
    }
    if (!result.findings().isEmpty()) {
      report.put("findings", result.findings());
    }
    report.put("run", run.number());
    return new StepResult(report);
  }

  private StepResult failed(AgentRun run, StepRequest request) {
    BigDecimal budget = properties.budgetUsd();
    BigDecimal spent = runs.spentUsd(request.processInstanceId());
    String what = "Agent run " + run.number() + " of step '" + request.step().code() + "' failed: " + run.reason();
    if (spent.compareTo(budget) >= 0) {
      throw new BackendEngineerNeededException(what + ". " + budgetSpent(spent, budget));
    }
    int tries = properties.retries() + 1;
    if (run.attempt() >= tries) {
      throw new BackendEngineerNeededException(what + ". That was attempt " + run.attempt() + " of " + tries
          + " (storyflow.agent.retries = " + properties.retries() + "); a backend engineer must take over.");
    }
    throw new AgentRunFailedException(what + " (attempt " + run.attempt() + " of " + tries + "; retried after "
        + properties.retryDelay() + ")");
  }

  private AgentReply.Result result(AgentRun run) {
    try {
      return json.readValue(run.resultJson(), AgentReply.Result.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Agent run " + run.number() + " has an unreadable recorded result", e);
    }
  }

  private static String budgetSpent(BigDecimal spent, BigDecimal budget) {
    return "The story's agent budget is spent: its runs cost " + spent.stripTrailingZeros().toPlainString()
        + " USD of " + budget.stripTrailingZeros().toPlainString() + " USD (storyflow.agent.budget-usd).";
  }
}
