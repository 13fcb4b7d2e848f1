package dev.storyflow.workspace;

import dev.storyflow.engineer.EngineReads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The comments people left on the story's tasks (Camunda task comments), oldest first. */
@Component
class ReviewerComments {

  private final EngineReads engine;

  ReviewerComments(EngineReads engine) {
    this.engine = engine;
  }

  /** Each comment with the task it was left on, who left it and when. */
  List<Map<String, Object>> of(String processInstanceId) {
    return engine.comments(processInstanceId).stream()
        .map(comment -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("task", comment.taskName());
          entry.put("taskDefinitionKey", comment.taskDefinitionKey());
          entry.put("by", comment.userId());
          entry.put("at", comment.time().toString());
          entry.put("comment", comment.message());
          return entry;
        })
        .toList();
  }
}
