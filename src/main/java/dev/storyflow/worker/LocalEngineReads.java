package dev.storyflow.worker;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.feasibility.StoryIndex;
import dev.storyflow.identity.EngineAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine answering the steps' reads on a Storyflow node, as the system: for the embedded
 * worker, for Storyflow's own API, and, through {@link WorkerApi}, for remote workers.
 */
@Component
class LocalEngineReads implements EngineReads {

  /** What in a DMN file makes its results depend on more than the inputs: the time, another language. */
  private static final Pattern IMPURE = Pattern.compile("now\\s*\\(|today\\s*\\(|\\$\\{|expressionLanguage",
      Pattern.CASE_INSENSITIVE);
  /** Results kept per decision version at most: a table has a few hundred combinations of counts. */
  private static final int MAX_RESULTS = 10_000;

  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final EngineAccess engine;
  private final StoryIndex index;
  private final JdbcTemplate jdbc;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** Per decision key, the latest version deployed as parsed. */
  private final Map<String, Deployed> decisions = new ConcurrentHashMap<>();

  /**
   * A deployed version of a decision: where it is, and once parsed, the decision, and its results
   * by inputs so far when they depend on the inputs only ({@code null} otherwise).
   */
  private record Deployed(String definitionId, String deploymentId, String resourceName, DmnDecision decision,
      Map<Map<String, Object>, Optional<Map<String, Object>>> results) {
  }

  LocalEngineReads(TaskService taskService, HistoryService historyService, RepositoryService repositoryService,
      EngineAccess engine, StoryIndex index, JdbcTemplate jdbc) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.engine = engine;
    this.index = index;
    this.jdbc = jdbc;
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
   * One query, for the latest version deployed (a table changed in Modeler and deployed counts at
   * once), straight from the engine's table of decision definitions: the engine's query API costs
   * ten times as much. That version is parsed once and evaluated by a DMN engine of its own (FEEL,
   * as the process engine's by default). A step's decision is a read whose result the step keeps in
   * its report, so no decision history is written: that would be a transaction and a commit for
   * each evaluation, most of a feasibility review's time. A decision whose results depend on its
   * inputs only (no {@code now()} or {@code today()}, no other expression language) is evaluated
   * once per inputs and deployed version: FEEL parses every expression at every evaluation, about a
   * millisecond for a table.
   */
  @Override
  public Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs) {
    Deployed latest = jdbc.query("SELECT ID_, DEPLOYMENT_ID_, RESOURCE_NAME_ FROM ACT_RE_DECISION_DEF"
            + " WHERE KEY_ = ? AND TENANT_ID_ IS NULL ORDER BY VERSION_ DESC",
        rs -> rs.next() ? new Deployed(rs.getString(1), rs.getString(2), rs.getString(3), null, null) : null,
        decisionKey);
    if (latest == null) {
      throw new NotFoundException("No decision with the key " + decisionKey + " is deployed");
    }
    Deployed deployed = decisions.compute(decisionKey, (key, known) -> known != null
        && known.definitionId().equals(latest.definitionId()) ? known : parse(key, latest));
    Optional<Map<String, Object>> result = deployed.results() == null ? evaluate(deployed, inputs)
        : deployed.results().computeIfAbsent(new HashMap<>(inputs), in -> evaluate(deployed, in));
    if (deployed.results() != null && deployed.results().size() > MAX_RESULTS) {
      deployed.results().clear();
    }
    return result.map(LinkedHashMap::new);
  }

  private Optional<Map<String, Object>> evaluate(Deployed deployed, Map<String, Object> inputs) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(deployed.decision(), inputs).getSingleResult();
    return Optional.ofNullable(result).map(entries -> Collections.unmodifiableMap(
        new LinkedHashMap<>(entries.getEntryMap())));
  }

  private Deployed parse(String decisionKey, Deployed definition) {
    byte[] dmnFile;
    try (InputStream in = engine.asSystem(() -> repositoryService.getResourceAsStream(definition.deploymentId(),
        definition.resourceName()))) {
      dmnFile = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean inputsOnly = !IMPURE.matcher(new String(dmnFile, StandardCharsets.UTF_8)).find();
    return new Deployed(definition.definitionId(), definition.deploymentId(), definition.resourceName(),
        dmn.parseDecision(decisionKey, new ByteArrayInputStream(dmnFile)),
        inputsOnly ? new ConcurrentHashMap<>() : null);
  }
}
