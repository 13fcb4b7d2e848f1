package dev.storyflow.lifecycle;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A story or a decision breaks a rule of the workflow. Thrown inside the engine (listeners)
 * and at the REST edge; always answered with 400 and the fields at fault.
 */
public class StoryRuleException extends BadUserRequestException {

  /** One field at fault and what is wrong with it. */
  public record FieldProblem(String field, String message) {
  }

  private final transient List<FieldProblem> problems;

  public StoryRuleException(String context, List<FieldProblem> problems) {
    super(context + ": " + problems.stream()
        .map(p -> p.field() + " " + p.message())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
