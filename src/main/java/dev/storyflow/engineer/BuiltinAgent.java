package dev.storyflow.engineer;

import dev.storyflow.lifecycle.Step;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code builtin} agent: the deterministic part of each step, no AI. A step without builtin
 * work needs a human backend engineer; once the human has completed the fallback task for it,
 * the step is accepted.
 */
@Component
class BuiltinAgent implements Agent {

  private final Map<Step, BuiltinStep> steps = new EnumMap<>(Step.class);

  BuiltinAgent(List<BuiltinStep> builtinSteps) {
    builtinSteps.forEach(s -> {
      if (steps.put(s.step(), s) != null) {
        throw new IllegalStateException("Two builtin implementations of step " + s.step().code());
      }
    });
  }

  /** Whether the step has deterministic work of its own (a {@link BuiltinStep}). */
  boolean handles(Step step) {
    return steps.containsKey(step);
  }

  @Override
  public StepResult perform(StepRequest request) {
    BuiltinStep step = steps.get(request.step());
    if (step != null) {
      return step.perform(request);
    }
    if (request.humanCompleted()) {
      return StepResult.withoutReport();
    }
    throw new BackendEngineerNeededException("No agent is configured for step '" + request.step().code()
        + "' of story " + request.storyId() + "; a backend engineer must do it by hand.");
  }
}
