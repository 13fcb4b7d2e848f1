package dev.storyflow.agent;

import dev.storyflow.lifecycle.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The backend engineer's agent, {@code storyflow.agent.*} (design section 7). Unknown keys are
 * refused, so that a misspelt setting stops Storyflow instead of being ignored.
 *
 * @param agent {@code builtin} or {@code command}, for every step without its own setting
 * @param command the agent CLI as a list of arguments (never one shell string), with
 *     whole-argument placeholders such as {@code {workOrderFile}}
 * @param timeout how long one agent run may take before its whole process tree is killed
 * @param maxTurns the agent's turn limit, passed as {@code {maxTurns}} and in the work order
 * @param budgetUsd what all agent runs of one story may cost together, in US dollars
 * @param retries how often a failed run is retried before a human takes over
 * @param retryDelay the wait before a failed run is retried
 * @param definition the agent definition (Markdown with YAML front matter): a file path, or
 *     {@code classpath:} for the shipped one
 * @param outputLimit how much of each of stdout and stderr is kept; the rest is counted and dropped
 * @param environment the environment variables an agent process inherits (all others are not
 *     passed)
 * @param steps per-step overrides of {@code agent}, {@code command} and {@code timeout}
 */
@ConfigurationProperties(prefix = "storyflow.agent", ignoreUnknownFields = false)
record AgentProperties(
    @DefaultValue("builtin") AgentKind agent,
    List<String> command,
    @DefaultValue("10m") Duration timeout,
    @DefaultValue("30") int maxTurns,
    @DefaultValue("20") BigDecimal budgetUsd,
    @DefaultValue("2") int retries,
    @DefaultValue("1m") Duration retryDelay,
    @DefaultValue(AgentDefinitions.SHIPPED) String definition,
    @DefaultValue("1MB") DataSize outputLimit,
    @DefaultValue({"PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR",
        "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "CLAUDE_CODE_OAUTH_TOKEN"}) List<String> environment,
    @DefaultValue Steps steps) {

  AgentProperties {
    command = command == null ? List.of() : List.copyOf(command);
    environment = environment == null ? List.of() : List.copyOf(environment);
  }

  /**
   * Per-step overrides; an unset field inherits the top-level setting.
   *
   * @param feasibility Draft: feasibility review
   * @param plan Planned in Sprint: implementation plan
   * @param implement In-progress: implementation
   * @param securityScan Security review: self-check
   * @param securityFix Security review: addressing the expert's concerns
   * @param deployment Configuring DevOps: deployment preparation
   * @param integrationSupport Integration or E2E testing: helping QA with an integration problem
   */
  record Steps(StepOverride feasibility, StepOverride plan, StepOverride implement,
      StepOverride securityScan, StepOverride securityFix, StepOverride deployment,
      StepOverride integrationSupport) {

    StepOverride of(Step step) {
      StepOverride override = switch (step) {
        case FEASIBILITY -> feasibility;
        case PLAN -> plan;
        case IMPLEMENT -> implement;
        case SECURITY_SCAN -> securityScan;
        case SECURITY_FIX -> securityFix;
        case DEPLOYMENT -> deployment;
        case INTEGRATION_SUPPORT -> integrationSupport;
      };
      return override == null ? new StepOverride(null, null, null) : override;
    }
  }

  /**
   * One step's settings; {@code null} inherits.
   *
   * @param agent {@code builtin} or {@code command} for this step
   * @param command the agent CLI for this step
   * @param timeout the run timeout for this step
   */
  record StepOverride(AgentKind agent, List<String> command, Duration timeout) {
  }

  /** The effective settings of a step: its overrides over the top-level ones. */
  StepSettings forStep(Step step) {
    StepOverride override = steps.of(step);
    return new StepSettings(step,
        override.agent() != null ? override.agent() : agent,
        override.command() != null && !override.command().isEmpty() ? List.copyOf(override.command()) : command,
        override.timeout() != null ? override.timeout() : timeout);
  }

  /**
   * @param step the step
   * @param agent who does it
   * @param command the command line before placeholders are filled in
   * @param timeout the run timeout
   */
  record StepSettings(Step step, AgentKind agent, List<String> command, Duration timeout) {
  }
}
