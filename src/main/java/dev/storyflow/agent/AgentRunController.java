package dev.storyflow.agent;

import dev.storyflow.engineer.SecretMask;
import dev.storyflow.identity.CurrentUser;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent runs of a story and their captured output, for every team member. */
@RestController
@RequestMapping("/api/stories/{storyId}/runs")
@Tag(name = "Agent runs")
class AgentRunController {

  private final RunStore runs;
  private final HistoryService historyService;
  private final EngineAccess engine;
  private final CurrentUser currentUser;
  private final SecretMask mask;

  AgentRunController(RunStore runs, HistoryService historyService, EngineAccess engine, CurrentUser currentUser,
      SecretMask mask) {
    this.runs = runs;
    this.historyService = historyService;
    this.engine = engine;
    this.currentUser = currentUser;
    this.mask = mask;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The story's agent runs, oldest first", description = "404 when there is no such story.")
  List<RunView> list(@PathVariable String storyId) {
    currentUser.requireMember();
    return runs.list(processInstanceOf(storyId)).stream().map(RunView::of).toList();
  }

  @GetMapping(path = "/{run}/log", produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(summary = "What one agent run printed: stdout, then stderr, each capped at storyflow.agent.output-limit")
  String log(@PathVariable String storyId, @PathVariable int run) {
    currentUser.requireMember();
    RunStore.RunLog log = runs.log(processInstanceOf(storyId), run)
        .orElseThrow(() -> new AgentRunNotFoundException(storyId, run));
    AgentRun r = log.run();
    return "# Story " + r.storyId() + ", agent run " + r.number() + " (step " + r.step() + ", attempt " + r.attempt()
        + "): " + r.outcome() + (r.reason() == null ? "" : " - " + mask.mask(r.reason())) + "\n"
        // stored masked since the output is captured; masked again when served, for runs recorded before that
        + "## stdout (" + bytes(r.stdoutBytes()) + ")\n" + text(mask.mask(log.stdout())) + "\n"
        + "## stderr (" + bytes(r.stderrBytes()) + ")\n" + text(mask.mask(log.stderr()));
  }

  /** The latest story with this id, as on {@code GET /api/stories/{storyId}}. */
  private String processInstanceOf(String storyId) {
    return engine.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY)
        .processInstanceBusinessKey(storyId)
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst().map(HistoricProcessInstance::getId)
        .orElseThrow(() -> new StoryNotFoundException(storyId)));
  }

  private static String bytes(Long count) {
    return count == null ? "not recorded" : count + " bytes";
  }

  private static String text(String output) {
    if (output == null || output.isEmpty()) {
      return "";
    }
    return output.endsWith("\n") ? output : output + "\n";
  }
}
