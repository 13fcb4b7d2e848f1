package dev.storyflow.worker;

import dev.storyflow.decision.LatestDecisions;
import dev.storyflow.engineer.EngineReads;
import dev.storyflow.feasibility.StoryIndex;
import dev.storyflow.identity.EngineAccess;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * The engine answering the steps' reads on a Storyflow node, as the system: for the embedded
 * worker, for Storyflow's own API, and, through {@link WorkerApi}, for remote workers.
 */
@Component
class LocalEngineReads implements EngineReads {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final EngineAccess engine;
  private final StoryIndex index;
  private final LatestDecisions decisions;

  LocalEngineReads(TaskService taskService, HistoryService historyService, EngineAccess engine, StoryIndex index,
      LatestDecisions decisions) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.engine = engine;
    this.index = index;
    this.decisions = decisions;
  }

  @Override
  public List<TaskComment> comments(String processInstanceId) {
    return engine.asSystem(() -> {
      Map<String, HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
          .processInstanceId(processInstanceId).list().stream()
          .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
      return taskService.getProcessInstanceComments(processInstanceId).stream()
          .sorted(Comparator.comparing(Comment::getTime))
          .map(c -> {
            HistoricTaskInstance task = tasks.get(c.getTaskId());
            return new TaskComment(task == null ? null : task.getTaskDefinitionKey(), task == null ? null : task.getName(),
                c.getUserId(), c.getTime().toInstant(), c.getFullMessage());
          })
          .toList();
    });
  }

  /** One query: the words' rows and the stories counted; see {@link StoryIndex}. */
  @Override
  public WordCounts runningWordCounts(Collection<String> words, int atMost, String exceptProcessInstanceId) {
    return index.counts(words, atMost, exceptProcessInstanceId);
  }

  /** One query: the candidates' rows, of running process instances only; see {@link StoryIndex}. */
  @Override
  public List<StoryWords> runningStoriesWith(Collection<String> words, String title, int limit,
      String exceptProcessInstanceId) {
    return index.holding(words, title, limit, exceptProcessInstanceId);
  }

  /**
   * One query for the latest version deployed (a table changed in Modeler and deployed counts at
   * once), evaluated without decision history: a step keeps the result in its report. A table
   * whose results depend on its inputs only is evaluated once per inputs and version; see
   * {@link LatestDecisions}.
   */
  @Override
  public Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs) {
    return decisions.evaluate(decisionKey, inputs);
  }
}
