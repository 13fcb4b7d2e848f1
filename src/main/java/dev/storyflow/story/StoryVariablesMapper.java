package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.*;

import dev.storyflow.lifecycle.SprintCheck;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Converts between {@link StoryInput} and process variables: lists become a comma list
 * ({@code components}, {@code dependsOn}) or one line per item ({@code acceptanceCriteria}).
 * Reading variables is lenient about the shape (a Tasklist checklist submits a JSON array) and
 * strict about the rules.
 */
@Component
public class StoryVariablesMapper {

  /** The story's own variables, as listed in design section 5. */
  public static final List<String> FIELDS = STORY_FIELDS;

  private final Validator validator;
  private final List<SprintCheck> sprintChecks;

  public StoryVariablesMapper(Validator validator, List<SprintCheck> sprintChecks) {
    this.validator = validator;
    this.sprintChecks = List.copyOf(sprintChecks);
  }

  /**
   * Checks a story against the rules. A {@code sprint} given at intake (or in a revision) passes
   * the same check as {@code Task_PlanIntoSprint}: an existing sprint that is not closed.
   */
  public void validate(StoryInput story, String context) {
    Set<ConstraintViolation<StoryInput>> violations = validator.validate(story);
    List<FieldProblem> problems = new ArrayList<>(violations.stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
        .toList());
    boolean sprintWellFormed = problems.stream().noneMatch(p -> p.field().equals(SPRINT));
    if (story.sprint() != null && !story.sprint().isBlank() && sprintWellFormed) {
      sprintRefusal(story.sprint().trim()).ifPresent(why -> problems.add(new FieldProblem(SPRINT, why)));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new StoryRuleException(context, problems);
    }
  }

  /** Fails closed: without the sprint feature's check, no sprint is accepted. */
  private Optional<String> sprintRefusal(String sprint) {
    return SprintCheck.refusalOf(sprintChecks, sprint);
  }

  /** The variables to start a story with. */
  public Map<String, Object> toVariables(StoryInput story) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(STORY_ID, story.storyId());
    variables.put(TITLE, story.title().trim());
    putIfPresent(variables, AS_A, story.asA());
    putIfPresent(variables, I_WANT, story.iWant());
    putIfPresent(variables, SO_THAT, story.soThat());
    if (story.acceptanceCriteria() != null && !story.acceptanceCriteria().isEmpty()) {
      variables.put(ACCEPTANCE_CRITERIA, String.join("\n", story.acceptanceCriteria().stream().map(String::trim).toList()));
    }
    variables.put(COMPONENTS, String.join(",", story.componentsOrDefault()));
    variables.put(FRONTEND_INVOLVED, story.componentsOrDefault().contains("frontend"));
    putIfPresent(variables, EPIC, story.epic());
    putIfPresent(variables, PRIORITY, story.priority());
    if (story.storyPoints() != null) {
      variables.put(STORY_POINTS, story.storyPoints());
    }
    putIfPresent(variables, SPRINT, story.sprint());
    if (story.dependsOn() != null && !story.dependsOn().isEmpty()) {
      variables.put(DEPENDS_ON, String.join(",", story.dependsOn()));
    }
    putIfPresent(variables, REFERENCE, story.reference());
    putIfPresent(variables, NOTES, story.notes());
    putIfPresent(variables, REPOSITORY, story.repository());
    return variables;
  }

  /**
   * The story's own variables in a scope, each read on its own: one that cannot be read (JSON that
   * does not parse or is nested too deep, an Object of a class that is not allowed or unknown) is a
   * field problem of the story, not a server error. Nothing is deserialized but the story's fields.
   *
   * @throws StoryRuleException naming every story variable that cannot be read
   */
  public Map<String, Object> read(VariableScope scope, String context) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : FIELDS) {
      if (scope.hasVariable(name)) {
        try {
          variables.put(name, scope.getVariable(name));
        } catch (ProcessEngineException | SpinRuntimeException e) {
          problems.add(new FieldProblem(name, "cannot be read: not valid JSON, or an Object of a class that is"
              + " not allowed; send text"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StoryRuleException(context, problems);
    }
    return variables;
  }

  /**
   * Reads a story from process variables.
   *
   * @throws StoryRuleException when a variable has a type that cannot hold its field
   */
  public StoryInput fromVariables(Map<String, Object> variables, String context) {
    List<FieldProblem> problems = new ArrayList<>();
    Reader r = new Reader(variables, problems);
    StoryInput story = new StoryInput(r.text(STORY_ID), r.text(TITLE), r.text(AS_A), r.text(I_WANT),
        r.text(SO_THAT), r.list(ACCEPTANCE_CRITERIA, "\n"), r.list(COMPONENTS, ","), r.text(EPIC),
        r.text(PRIORITY), r.integer(STORY_POINTS), r.text(SPRINT), r.list(DEPENDS_ON, ","),
        r.text(REFERENCE), r.text(NOTES), r.text(REPOSITORY));
    if (!problems.isEmpty()) {
      throw new StoryRuleException(context, problems);
    }
    return story;
  }

  private static void putIfPresent(Map<String, Object> variables, String name, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(name, value.trim());
    }
  }

  private record Reader(Map<String, Object> variables, List<FieldProblem> problems) {

    String text(String name) {
      Object value = variables.get(name);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      problems.add(new FieldProblem(name, "must be a String"));
      return null;
    }

    Integer integer(String name) {
      Object value = variables.get(name);
      if (value == null) {
        return null;
      }
      if (value instanceof Integer || value instanceof Short || value instanceof Long) {
        long l = ((Number) value).longValue();
        if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
          return (int) l;
        }
      }
      problems.add(new FieldProblem(name, "must be a whole number"));
      return null;
    }

    List<String> list(String name, String separator) {
      Object value = variables.get(name);
      if (value == null) {
        return null;
      }
      if (value instanceof String s) {
        return Arrays.stream(s.split(separator)).map(String::trim).filter(e -> !e.isEmpty()).toList();
      }
      if (value instanceof Collection<?> c && c.stream().allMatch(String.class::isInstance)) {
        return c.stream().map(String.class::cast).toList();
      }
      if (value instanceof SpinJsonNode json && json.isArray()
          && json.elements().stream().allMatch(SpinJsonNode::isString)) {
        return json.elements().stream().map(SpinJsonNode::stringValue).toList();
      }
      problems.add(new FieldProblem(name, "must be a String or a list of Strings"));
      return null;
    }
  }
}
