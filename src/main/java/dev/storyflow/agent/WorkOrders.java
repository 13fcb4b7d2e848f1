package dev.storyflow.agent;

import static dev.storyflow.lifecycle.StoryVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.StepRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Writes the work order an agent gets for one step: the step and its instructions, the story,
 * the reports of earlier steps, what reviewers said (task comments, the last rework reason, the
 * security expert's concerns), earlier runs of the step, the limits and the result schema. Story
 * text travels only here, as JSON data.
 */
@Component
class WorkOrders {

  static final String FORMAT = "storyflow-work-order/1";

  private static final List<String> TEXT_FIELDS = List.of(STORY_ID, TITLE, AS_A, I_WANT, SO_THAT, EPIC, PRIORITY,
      SPRINT, REFERENCE, NOTES, REPOSITORY, STATUS);
  private static final List<String> REPORTS = List.of(FEASIBILITY, IMPLEMENTATION_PLAN, IMPLEMENTATION,
      SECURITY_SCAN, DEPLOYMENT);

  private final ObjectMapper json;
  private final EngineReads engine;

  WorkOrders(ObjectMapper json, EngineReads engine) {
    this.json = json;
    this.engine = engine;
  }

  /**
   * @param limits what the run may spend
   * @param earlierRuns the story's earlier runs of this step
   */
  ObjectNode write(StepRequest request, AgentRun run, Limits limits, Path workspace, List<AgentRun> earlierRuns,
      JsonNode resultSchema) {
    Map<String, Object> v = request.variables();
    ObjectNode order = json.createObjectNode();
    order.put("format", FORMAT);
    order.put("step", request.step().code());
    order.put("instructions", StepInstructions.of(request.step()));
    order.put("run", run.number());
    order.put("attempt", run.attempt());
    order.put("workspace", workspace.toString());

    ObjectNode story = order.putObject("story");
    TEXT_FIELDS.forEach(name -> {
      if (v.get(name) != null) {
        story.put(name, String.valueOf(v.get(name)));
      }
    });
    if (v.get(STORY_POINTS) instanceof Number points) {
      story.put(STORY_POINTS, points.intValue());
    }
    story.set(ACCEPTANCE_CRITERIA, list(v.get(ACCEPTANCE_CRITERIA), "\\r?\\n"));
    story.set(COMPONENTS, list(v.get(COMPONENTS), ","));
    story.set(DEPENDS_ON, list(v.get(DEPENDS_ON), ","));

    ObjectNode reports = order.putObject("reports");
    REPORTS.forEach(name -> {
      JsonNode report = report(v.get(name));
      if (report != null) {
        reports.set(name, report);
      }
    });

    ObjectNode review = order.putObject("review");
    putText(review, REWORK_REASON, v.get(REWORK_REASON));
    putText(review, CONCERNS_TO_ADDRESS, v.get(CONCERNS_TO_ADDRESS));
    review.set("comments", comments(request.processInstanceId()));

    ArrayNode earlier = order.putArray("earlierRuns");
    earlierRuns.forEach(r -> {
      ObjectNode e = earlier.addObject();
      e.put("run", r.number());
      e.put("attempt", r.attempt());
      e.put("outcome", r.outcome().name());
      putText(e, "reason", r.reason());
      putText(e, "summary", r.summary());
    });

    ObjectNode limitsNode = order.putObject("limits");
    limitsNode.put("maxTurns", limits.maxTurns());
    limitsNode.put("budgetUsd", limits.budgetUsd());
    limitsNode.put("timeoutSeconds", limits.timeout().toSeconds());
    order.set("resultSchema", resultSchema);
    return order;
  }

  /**
   * @param maxTurns the agent's turn limit
   * @param budgetUsd what is left of the story's budget
   * @param timeout the run's timeout
   */
  record Limits(int maxTurns, BigDecimal budgetUsd, Duration timeout) {
  }

  private ArrayNode comments(String processInstanceId) {
    ArrayNode comments = json.createArrayNode();
    engine.comments(processInstanceId).forEach(c -> {
      ObjectNode comment = comments.addObject();
      if (c.taskDefinitionKey() != null) {
        comment.put("task", c.taskDefinitionKey());
        comment.put("taskName", c.taskName());
      }
      putText(comment, "by", c.userId());
      comment.put("time", c.time().toString());
      comment.put("message", c.message());
    });
    return comments;
  }

  private ArrayNode list(Object value, String separator) {
    ArrayNode items = json.createArrayNode();
    if (value != null) {
      Arrays.stream(String.valueOf(value).split(separator)).map(String::strip).filter(s -> !s.isEmpty())
          .forEach(items::add);
    }
    return items;
  }

  private JsonNode report(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readTree(value instanceof SpinJsonNode spin ? spin.toString() : String.valueOf(value));
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(String.valueOf(value));
    }
  }

  private static void putText(ObjectNode node, String name, Object value) {
    if (value != null && !String.valueOf(value).isBlank()) {
      node.put(name, String.valueOf(value));
    }
  }
}
