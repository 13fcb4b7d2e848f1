package dev.storyflow.workspace;

import dev.storyflow.engineer.Step;
import dev.storyflow.engineer.StepTimeBudget;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The implementation gate builds the story branch: up to {@code storyflow.build.timeout}. */
@Component
class BuildTimeBudget implements StepTimeBudget {

  private final BuildProperties build;

  BuildTimeBudget(BuildProperties build) {
    this.build = build;
  }

  @Override
  public Optional<Bound> longest(Step step) {
    return step == Step.IMPLEMENT
        ? Optional.of(new Bound(build.timeout(), "storyflow.build.timeout = " + build.timeout()))
        : Optional.empty();
  }
}
