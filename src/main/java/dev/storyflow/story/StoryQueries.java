package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryView.OpenTask;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Reads stories from the engine: the latest instance per story id, from history. */
@Component
public class StoryQueries {

  static final int MAX_LIST = 500;

  private final HistoryService historyService;
  private final TaskService taskService;
  private final StatusHistory statusHistory;
  private final EngineAccess engine;
  private final ObjectMapper json;

  StoryQueries(HistoryService historyService, TaskService taskService, StatusHistory statusHistory,
      EngineAccess engine, ObjectMapper json) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.statusHistory = statusHistory;
    this.engine = engine;
    this.json = json;
  }

  public Optional<StoryView> find(String storyId) {
    return engine.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY)
        .processInstanceBusinessKey(storyId)
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst()
        .map(this::view));
  }

  public List<StorySummary> list(String status, String sprint, String epic) {
    return list(status, sprint, epic, false);
  }

  /**
   * @param overdue only stories with an open task past its due date
   */
  public List<StorySummary> list(String status, String sprint, String epic, boolean overdue) {
    return engine.asSystem(() -> {
      HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(StoryProcess.KEY);
      if (overdue) {
        String[] late = taskService.createTaskQuery().processDefinitionKey(StoryProcess.KEY)
            .dueBefore(ClockUtil.getCurrentTime()).list().stream()
            .map(t -> t.getProcessInstanceId()).distinct().toArray(String[]::new);
        if (late.length == 0) {
          return List.of();
        }
        query.processInstanceIds(new java.util.HashSet<>(java.util.Arrays.asList(late)));
      }
      if (status != null) {
        query.variableValueEquals(STATUS, status);
      }
      if (sprint != null) {
        query.variableValueEquals(SPRINT, sprint);
      }
      if (epic != null) {
        query.variableValueEquals(EPIC, epic);
      }
      List<HistoricProcessInstance> stories = query.orderByProcessInstanceStartTime().desc().listPage(0, MAX_LIST);
      if (stories.isEmpty()) {
        return List.of();
      }
      Map<String, Map<String, Object>> variables = historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(stories.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
          // only what a summary shows: long text (notes, criteria) is stored apart and read one by one
          .variableNameIn(TITLE, STATUS, EPIC, SPRINT, PRIORITY, STORY_POINTS)
          .disableCustomObjectDeserialization()
          .list().stream()
          .filter(v -> v.getValue() != null)
          .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
              Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b)));
      return stories.stream().map(pi -> {
        Map<String, Object> v = variables.getOrDefault(pi.getId(), Map.of());
        return new StorySummary(pi.getBusinessKey(), (String) v.get(TITLE), (String) v.get(STATUS),
            (String) v.get(EPIC), (String) v.get(SPRINT), (String) v.get(PRIORITY),
            v.get(STORY_POINTS) instanceof Integer i ? i : null, instant(pi.getStartTime()), instant(pi.getEndTime()));
      }).toList();
    });
  }

  private StoryView view(HistoricProcessInstance story) {
    Map<String, Object> v = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(story.getId()).list()
        .forEach(variable -> v.put(variable.getName(), variable.getValue()));
    String status = (String) v.get(STATUS);
    List<OpenTask> openTasks = taskService.createTaskQuery().processInstanceId(story.getId())
        .orderByTaskCreateTime().asc().list().stream()
        .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
            taskService.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList(),
            instant(t.getDueDate()), t.getDueDate() != null && t.getDueDate().before(ClockUtil.getCurrentTime())))
        .toList();
    return new StoryView(story.getBusinessKey(), (String) v.get(TITLE), (String) v.get(AS_A),
        (String) v.get(I_WANT), (String) v.get(SO_THAT), split(v.get(ACCEPTANCE_CRITERIA), "\n"),
        split(v.get(COMPONENTS), ","), (String) v.get(EPIC), (String) v.get(PRIORITY),
        v.get(STORY_POINTS) instanceof Integer i ? i : null, (String) v.get(SPRINT),
        split(v.get(DEPENDS_ON), ","), (String) v.get(REFERENCE), (String) v.get(NOTES),
        (String) v.get(REPOSITORY), status, Status.ofCode(status).map(Status::label).orElse(null),
        story.getId(), story.getStartUserId(), instant(story.getStartTime()), instant(story.getEndTime()),
        openTasks, statusHistory.of(story), report(v.get(FEASIBILITY)), report(v.get(IMPLEMENTATION_PLAN)),
        report(v.get(IMPLEMENTATION)), report(v.get(SECURITY_SCAN)), report(v.get(DEPLOYMENT)),
        report(v.get(AGENT_RUNS)));
  }

  private JsonNode report(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readTree(value instanceof SpinJsonNode spin ? spin.toString() : json.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable report variable", e);
    }
  }

  private static List<String> split(Object value, String separator) {
    if (!(value instanceof String s) || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(separator)).map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
