package dev.storyflow.worker;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.EngineReads.StoryStatement;
import dev.storyflow.engineer.EngineReads.TaskComment;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine node's worker API: what remote workers read from the engine besides their tasks'
 * variables ({@link EngineReads}), for the backend-engineer service account only
 * ({@link WorkerAccess}). The runs they record are under {@code /api/worker/runs}.
 */
@Hidden
@RestController
@RequestMapping(path = WorkerAccess.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class WorkerApi {

  /** A decision's single result, {@code null} when no rule matched. */
  record Decision(Map<String, Object> result) {
  }

  private final EngineReads engine;

  WorkerApi(EngineReads engine) {
    this.engine = engine;
  }

  @GetMapping("/comments")
  List<TaskComment> comments(@RequestParam String processInstanceId) {
    return engine.comments(processInstanceId);
  }

  @GetMapping("/running-stories")
  List<StoryStatement> runningStories(@RequestParam(required = false) String except) {
    return engine.runningStories(except);
  }

  @PostMapping(path = "/decisions/{key:[A-Za-z][A-Za-z0-9_-]{0,63}}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Decision decide(@PathVariable String key, @RequestBody Map<String, Object> inputs) {
    return new Decision(engine.decide(key, inputs).orElse(null));
  }
}
