package dev.storyflow.engineer;

import dev.storyflow.engineer.StepTimeBudget.Bound;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start Storyflow when the job lock time does not outlast the longest step: a job
 * whose lock expires while its agent or build still runs could be picked up again, by this node
 * or another one, and the work would run twice at once.
 */
@Component
class LockTimeCheck {

  /** Time for what a step's job does besides the bounded parts: workspace, records, reports. */
  static final Duration MARGIN = Duration.ofMinutes(1);
  /** Camunda's lock time when {@code camunda.bpm.job-execution.lock-time-in-millis} is not set. */
  static final long DEFAULT_LOCK_MILLIS = 5 * 60 * 1000;

  LockTimeCheck(List<StepTimeBudget> budgets, CamundaBpmProperties camunda) {
    Integer configured = camunda.getJobExecution().getLockTimeInMillis();
    check(budgets, configured == null ? DEFAULT_LOCK_MILLIS : configured);
  }

  static void check(List<StepTimeBudget> budgets, long lockTimeMillis) {
    record StepNeed(Step step, List<Bound> bounds, Duration total) {
    }
    StepNeed longest = Arrays.stream(Step.values())
        .map(step -> {
          List<Bound> bounds = budgets.stream().flatMap(b -> b.longest(step).stream()).toList();
          Duration total = bounds.stream().map(Bound::duration).reduce(Duration.ZERO, Duration::plus);
          return new StepNeed(step, bounds, total);
        })
        .max(Comparator.comparing(StepNeed::total)).orElseThrow();
    Duration needed = longest.total().plus(MARGIN);
    if (lockTimeMillis <= needed.toMillis()) {
      String settings = longest.bounds().stream().map(Bound::setting).collect(Collectors.joining(" + "));
      throw new IllegalStateException("Storyflow refuses to start: camunda.bpm.job-execution.lock-time-in-millis ("
          + lockTimeMillis + " ms) must exceed the longest step, " + longest.step().code() + " (" + settings
          + "), plus a margin of " + MARGIN + ", or a job whose work is still running could be run a second time. "
          + "Set camunda.bpm.job-execution.lock-time-in-millis to more than " + needed.toMillis()
          + ", or lower " + longest.bounds().stream().map(b -> b.setting().split(" = ")[0])
              .collect(Collectors.joining(" or ")) + ".");
    }
  }
}
