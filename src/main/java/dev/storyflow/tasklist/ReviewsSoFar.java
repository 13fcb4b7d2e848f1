package dev.storyflow.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.lifecycle.DraftRound;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The decisions taken on a story so far, from its audit, oldest first: the "Reviews so far" that
 * every later form shows as the JSON form value {@value #VARIABLE} (the newest {@value #SHOWN}; the
 * audit has them all).
 */
@Component
class ReviewsSoFar implements FormValues {

  /** The form value: the newest decisions on the story ({@link Review}), oldest first. */
  static final String VARIABLE = "reviews";
  static final int SHOWN = 25;
  private static final Logger LOG = LoggerFactory.getLogger(ReviewsSoFar.class);

  private final AuditLog audit;
  private final ObjectMapper json;

  ReviewsSoFar(AuditLog audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  @Override
  public Map<String, TypedValue> of(DelegateTask task) {
    String storyId = task.getExecution().getProcessBusinessKey();
    List<Review> reviews;
    try {
      reviews = storyId == null ? List.of() : of(storyId, task.getProcessDefinitionId());
    } catch (DataAccessException unreadable) {
      // what a form shows never stops the story: the form comes without its reviews so far
      LOG.warn("The reviews so far of story {} cannot be read for task {}: {}", storyId, task.getId(),
          unreadable.getMessage());
      return Map.of();
    }
    if (reviews.isEmpty()) {
      return Map.of();
    }
    try {
      return Map.of(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(shown(reviews))).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the reviews", e);
    }
  }

  /** The reviews of a story, each step named as in the given version of the story process. */
  List<Review> of(String storyId, String processDefinitionId) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    return of(storyId, key -> stepName(model, key));
  }

  /**
   * @param stepName the name of a task of the story process by its id, e.g. "Architect review"
   */
  List<Review> of(String storyId, Function<String, String> stepName) {
    // decisions on tasks; the audit also keeps what happened to the story otherwise (a carry-over)
    List<AuditEntry> entries = audit.forStory(storyId).stream().filter(e -> e.taskDefinitionKey() != null).toList();
    long round = DraftRound.start(entries);
    return entries.stream()
        .map(e -> Review.of(e, stepName.apply(e.taskDefinitionKey()), DraftRound.isOpenObjection(e, round)))
        .toList();
  }

  /** The newest of the reviews, as many as a form shows. */
  static List<Review> shown(List<Review> reviews) {
    return reviews.subList(Math.max(0, reviews.size() - SHOWN), reviews.size());
  }

  private static String stepName(BpmnModelInstance model, String taskKey) {
    if (taskKey == null) {
      return "";
    }
    ModelElementInstance element = model == null ? null : model.getModelElementById(taskKey);
    return element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : taskKey;
  }
}
