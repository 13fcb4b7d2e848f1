package dev.storyflow.worker;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
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
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final EngineAccess engine;

  LocalEngineReads(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
      DecisionService decisionService, EngineAccess engine) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.engine = engine;
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

  /** Two queries: the story instances, then their statement variables. */
  @Override
  public List<StoryStatement> runningStories(String exceptProcessInstanceId) {
    return engine.asSystem(() -> {
      Set<String> instances = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(StoryProcess.KEY)
          .list().stream()
          .map(ProcessInstance::getId)
          .filter(id -> !id.equals(exceptProcessInstanceId))
          .collect(Collectors.toSet());
      if (instances.isEmpty()) {
        return List.of();
      }
      Map<String, Map<String, String>> byInstance = new HashMap<>();
      for (VariableInstance v : runtimeService.createVariableInstanceQuery()
          .variableNameIn(STORY_ID, TITLE, AS_A, I_WANT, SO_THAT)
          .disableBinaryFetching()
          .disableCustomObjectDeserialization()
          .list()) {
        if (instances.contains(v.getProcessInstanceId()) && v.getProcessInstanceId().equals(v.getExecutionId())
            && v.getValue() instanceof String s) {
          byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), s);
        }
      }
      return byInstance.values().stream()
          .map(s -> new StoryStatement(s.get(STORY_ID), s.get(TITLE), s.get(AS_A), s.get(I_WANT), s.get(SO_THAT)))
          .toList();
    });
  }

  @Override
  public Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs) {
    DmnDecisionResultEntries result = engine.asSystem(() -> decisionService.evaluateDecisionByKey(decisionKey)
        .variables(inputs).evaluate().getSingleResult());
    return Optional.ofNullable(result).map(entries -> new LinkedHashMap<>(entries.getEntryMap()));
  }
}
