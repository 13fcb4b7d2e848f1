package dev.storyflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.WebappClient;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.web.FuzzCase.Door;
import dev.storyflow.web.FuzzCase.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Seeded, repeatable fuzzing of every door a story comes through: {@code /api/stories},
 * {@code /api/feasibility(/batch)}, the {@code /engine-rest} start and task completion (and
 * deletion), and reads with query parameters on {@code /api}, {@code /engine-rest} and the
 * webapps' {@code /camunda/api}, with every class of hostile input of issue 12. Every answer is a
 * 2xx or a 4xx, never a 5xx, each as expected for its case (exactly 400 where docs/rest.md
 * promises it); a refused start leaves no process instance and no story id behind, a refused
 * completion leaves the task open and the story's variables as they were.
 * Another run: {@code -Dstoryflow.fuzz.seed=...}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-fuzz;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class FuzzIT {

  static final long SEED = Long.getLong("storyflow.fuzz.seed", 20_261_130L);
  private static final Logger LOG = LoggerFactory.getLogger(FuzzIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void hostileInputIsAClientErrorAndLeavesNoHalfMadeStory() {
    // given hundreds of seeded hostile requests, with a few valid ones as controls
    FuzzText text = new FuzzText(new Random(SEED));
    List<FuzzCase> cases = new ArrayList<>(new ApiFuzzInputs(text).all());
    cases.addAll(new EngineFuzzInputs(text).all());
    StoryCount before = storyCount();
    List<String> failures = new ArrayList<>();
    Map<String, int[]> perClass = new TreeMap<>();
    Map<Door, Integer> perDoor = new EnumMap<>(Door.class);

    // when each is sent
    for (FuzzCase fuzz : cases) {
      Answer answer = fuzz.door().needsTask() ? sendToTask(fuzz)
          : fuzz.door().starts() ? sendStart(fuzz)
          : fuzz.door().reads() ? read(fuzz) : send(fuzz, fuzz.door().path);
      int[] counts = perClass.computeIfAbsent(fuzz.inputClass(), c -> new int[3]);
      counts[answer.status() >= 500 ? 2 : answer.status() >= 400 ? 1 : 0]++;
      perDoor.merge(fuzz.door(), 1, Integer::sum);
      if (!fuzz.expect().accepts(answer.status()) || !answer.leftNothingHalfMade()) {
        failures.add(answer.status() + " (expected " + fuzz.expect() + (answer.leftNothingHalfMade() ? ""
            : ", left a half-made change: " + answer.problem()) + ") for " + fuzz + "\n    answer: "
            + abbreviate(answer.body()));
      }
    }

    // then no 5xx, every answer as expected, and only the accepted starts made stories
    LOG.info("Fuzzed {} requests with seed {}; per door {}; per input class [2xx, 4xx, 5xx]:\n{}", cases.size(), SEED,
        perDoor, perClass.entrySet().stream().map(e -> String.format("  %-42s %4d %4d %4d", e.getKey(),
            e.getValue()[0], e.getValue()[1], e.getValue()[2])).reduce((a, b) -> a + "\n" + b).orElse(""));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(failures).as("seed %d", SEED).isEmpty();
    StoryCount after = storyCount();
    assertThat(after.ids() - before.ids()).as("a story id for each instance")
        .isEqualTo(after.instances() - before.instances());
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  /** A start: accepted, it made one whole story (in Draft, its reviews open); refused, nothing at all. */
  private Answer sendStart(FuzzCase fuzz) {
    StoryCount before = storyCount();
    Answer answer = send(fuzz, fuzz.door().path);
    StoryCount after = storyCount();
    long made = after.instances() - before.instances();
    if (answer.status() >= 400 && (made != 0 || after.ids() != before.ids())) {
      return answer.halfMade(made + " process instances and " + (after.ids() - before.ids()) + " story ids made");
    }
    if (answer.status() < 300 && (made != 1 || after.ids() != before.ids() + 1 || !draftReviewsOpen(answer))) {
      return answer.halfMade(made + " process instances made, not one story with its Draft reviews open");
    }
    return answer;
  }

  private boolean draftReviewsOpen(Answer answer) {
    String processInstanceId;
    try {
      JsonNode started = JSON.readTree(answer.body());
      processInstanceId = started.path(started.has("processInstanceId") ? "processInstanceId" : "id").asText(null);
    } catch (IOException e) {
      return false;
    }
    return processInstanceId != null && engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_ArchitectReview").count() == 1
        && "DRAFT".equals(engine.getRuntimeService().getVariable(processInstanceId, "status"));
  }

  /** A case for a task: sent to an open task of its target (started here), checked for what it changed. */
  private Answer sendToTask(FuzzCase fuzz) {
    String taskId = fuzz.taskId();
    ProcessInstance story = null;
    Map<String, Object> variablesBefore = Map.of();
    if (taskId == null) {
      story = openStoryAt(fuzz.target());
      taskId = engine.getTaskService().createTaskQuery().processInstanceId(story.getId())
          .taskDefinitionKey(fuzz.target().taskKey).singleResult().getId();
      variablesBefore = variables(story);
    }
    Answer answer = send(fuzz, fuzz.door().path.replace("{id}", taskId));
    if (story != null && answer.status() >= 400) {
      boolean open = engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
      Map<String, Object> variablesAfter = variables(story);
      if (!open || !variablesAfter.equals(variablesBefore)) {
        return answer.halfMade(open ? "variables changed: " + variablesAfter : "task gone");
      }
    }
    return answer;
  }

  /** A read: nothing changes, whatever the answer; the webapps' API with a Tasklist session, as Tasklist calls it. */
  private Answer read(FuzzCase fuzz) {
    StoryCount before = storyCount();
    String path = fuzz.door().path + "?" + fuzz.query();
    Answer answer;
    if (fuzz.door().webapp()) {
      if (webapp == null) {
        webapp = WebappClient.session(port, fuzz.sender());
      }
      Reply reply = webapp.get(path);
      answer = new Answer(reply.status(), reply.body(), null);
    } else {
      answer = send(fuzz, path);
    }
    return storyCount().equals(before) ? answer : answer.halfMade("a read changed the stories");
  }

  private WebappClient webapp;

  private final Map<Target, List<ProcessInstance>> storiesByTarget = new EnumMap<>(Target.class);

  /** A story waiting at the target's task: reused while a refused case leaves the task open. */
  private ProcessInstance openStoryAt(Target target) {
    List<ProcessInstance> stories = storiesByTarget.computeIfAbsent(target, t -> new ArrayList<>());
    stories.removeIf(story -> engine.getTaskService().createTaskQuery().processInstanceId(story.getId())
        .taskDefinitionKey(target.taskKey).count() == 0);
    if (stories.isEmpty()) {
      StoryDriver driver = new StoryDriver(engine);
      stories.add(target == Target.ARCHITECT_REVIEW ? driver.start("backend") : driver.startAt(target.taskKey, Map.of()));
    }
    return stories.get(0);
  }

  private Map<String, Object> variables(ProcessInstance story) {
    Map<String, Object> variables = new TreeMap<>();
    engine.getRuntimeService().getVariablesTyped(story.getId(), false)
        .forEach((name, value) -> variables.put(name, String.valueOf(value)));
    return variables;
  }

  private Answer send(FuzzCase fuzz, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (fuzz.sender() + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (fuzz.body() == null) {
      request.method(fuzz.door().method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(fuzz.door().method, HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Process instances of the story process ever started, and story ids registered. */
  private record StoryCount(long instances, long ids) {
  }

  private StoryCount storyCount() {
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY).count();
    Long ids = jdbc.queryForObject("SELECT COUNT(*) FROM SF_STORY", Long.class);
    return new StoryCount(instances, ids == null ? 0 : ids);
  }

  private record Answer(int status, String body, String problem) {

    boolean leftNothingHalfMade() {
      return problem == null;
    }

    Answer halfMade(String what) {
      return new Answer(status, body, what);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "…";
  }
}
