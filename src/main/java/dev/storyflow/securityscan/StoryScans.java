package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryVariables;
import dev.storyflow.story.StoryNotFoundException;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/** Reads a story's last {@code securityScan} report from the engine's history (any node, any time). */
@Component
class StoryScans {

  private final HistoryService history;
  private final EngineAccess engine;
  private final ScanReport reports;

  StoryScans(HistoryService history, EngineAccess engine, ScanReport reports) {
    this.history = history;
    this.engine = engine;
    this.reports = reports;
  }

  /**
   * @return the report, or empty when the story has not been scanned yet
   * @throws StoryNotFoundException when there is no story with this id
   */
  Optional<JsonNode> latest(String storyId) {
    return engine.asSystem(() -> {
      HistoricProcessInstance story = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(StoryProcess.KEY)
          .processInstanceBusinessKey(storyId)
          .orderByProcessInstanceStartTime().desc()
          .listPage(0, 1).stream().findFirst()
          .orElseThrow(() -> new StoryNotFoundException(storyId));
      return history.createHistoricVariableInstanceQuery()
          .processInstanceId(story.getId())
          .variableName(StoryVariables.SECURITY_SCAN)
          .list().stream().findFirst()
          .map(HistoricVariableInstance::getValue)
          .flatMap(reports::read);
    });
  }
}
