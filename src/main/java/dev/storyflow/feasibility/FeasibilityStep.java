package dev.storyflow.feasibility;

import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryVariablesMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The builtin agent's {@code feasibility} step on {@code Task_FeasibilityReview}: reviews the
 * story's text and returns the report, which is stored in the JSON variable {@code feasibility}.
 * It needs no human: the verdict and findings are deterministic. When an external agent did the
 * step first, its findings are kept beside them ({@link AgentFindings}) and leave the verdict alone.
 */
@Component
class FeasibilityStep implements BuiltinStep {

  private static final Logger LOG = LoggerFactory.getLogger(FeasibilityStep.class);

  private final FeasibilityReviewer reviewer;
  private final StoryVariablesMapper mapper;

  FeasibilityStep(FeasibilityReviewer reviewer, StoryVariablesMapper mapper) {
    this.reviewer = reviewer;
    this.mapper = mapper;
  }

  @Override
  public Step step() {
    return Step.FEASIBILITY;
  }

  @Override
  public StepResult perform(StepRequest request) {
    StoryInput story = mapper.fromVariables(request.variables(), "Story " + request.storyId());
    Map<String, Object> report = reviewer.reviewRunning(story, request.processInstanceId());
    AgentFindings.addTo(report, request.agentResult(), story);
    LOG.info("Feasibility of story {}: {}", request.storyId(), report.get("summary"));
    return new StepResult(report);
  }
}
