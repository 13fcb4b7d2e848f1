package dev.storyflow.agent;

import dev.storyflow.agent.AgentProperties.StepSettings;
import dev.storyflow.engineer.Step;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start Storyflow when the job lock time does not outlast the longest agent run: a job
 * whose lock expires while its agent still runs could be picked up again, by this node or another
 * one, and the agent would run twice at once.
 */
@Component
class LockTimeCheck {

  /** Time for what a step's job does besides the agent run: workspace, records, the step's checks. */
  static final Duration MARGIN = Duration.ofMinutes(1);
  /** Camunda's lock time when {@code camunda.bpm.job-execution.lock-time-in-millis} is not set. */
  static final long DEFAULT_LOCK_MILLIS = 5 * 60 * 1000;

  LockTimeCheck(AgentProperties agents, CamundaBpmProperties camunda) {
    Integer configured = camunda.getJobExecution().getLockTimeInMillis();
    check(agents, configured == null ? DEFAULT_LOCK_MILLIS : configured);
  }

  static void check(AgentProperties agents, long lockTimeMillis) {
    StepSettings longest = Arrays.stream(Step.values()).map(agents::forStep)
        .max(Comparator.comparing(StepSettings::timeout)).orElseThrow();
    Duration needed = longest.timeout().plus(MARGIN);
    if (lockTimeMillis <= needed.toMillis()) {
      boolean own = agents.steps().of(longest.step()).timeout() != null;
      String timeoutKey = own ? "storyflow.agent.steps." + longest.step().code() + ".timeout" : "storyflow.agent.timeout";
      throw new IllegalStateException("Storyflow refuses to start: camunda.bpm.job-execution.lock-time-in-millis ("
          + lockTimeMillis + " ms) must exceed the longest agent timeout (" + timeoutKey + " = " + longest.timeout()
          + ") plus a margin of " + MARGIN + ", or a job whose agent is still running could be run a second time. "
          + "Set camunda.bpm.job-execution.lock-time-in-millis to more than " + needed.toMillis() + ", or lower "
          + timeoutKey + ".");
    }
  }
}
