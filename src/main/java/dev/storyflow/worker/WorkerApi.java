package dev.storyflow.worker;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.EngineReads.StoryWords;
import dev.storyflow.engineer.EngineReads.TaskComment;
import dev.storyflow.engineer.EngineReads.WordCounts;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

  /** Words in one request: more than a story has. */
  static final int MAX_WORDS = 1000;

  /** A decision's single result, {@code null} when no rule matched. */
  record Decision(Map<String, Object> result) {
  }

  /** {@link EngineReads#runningWordCounts}: the words, up to which count, the process instance left out (or none). */
  record WordCountsQuery(@NotNull @Size(max = MAX_WORDS) List<@NotNull @Size(max = 100) String> words,
      @Min(1) int atMost, @Size(max = 64) String except) {
  }

  /** {@link EngineReads#runningStoriesWith}: the words, the title's words, the limit, the instance left out. */
  record StoriesWithQuery(@NotNull @Size(max = MAX_WORDS) List<@NotNull @Size(max = 100) String> words,
      @NotNull @Size(max = 200) String title, @Min(1) @Max(1000) int limit, @Size(max = 64) String except) {
  }

  private final EngineReads engine;

  WorkerApi(EngineReads engine) {
    this.engine = engine;
  }

  @GetMapping("/comments")
  List<TaskComment> comments(@RequestParam String processInstanceId) {
    return engine.comments(processInstanceId);
  }

  @PostMapping(path = "/running-stories/word-counts", consumes = MediaType.APPLICATION_JSON_VALUE)
  WordCounts runningWordCounts(@Valid @RequestBody WordCountsQuery query) {
    return engine.runningWordCounts(query.words(), query.atMost(), query.except());
  }

  @PostMapping(path = "/running-stories/with-words", consumes = MediaType.APPLICATION_JSON_VALUE)
  List<StoryWords> runningStoriesWith(@Valid @RequestBody StoriesWithQuery query) {
    return engine.runningStoriesWith(query.words(), query.title(), query.limit(), query.except());
  }

  @PostMapping(path = "/decisions/{key:[A-Za-z][A-Za-z0-9_-]{0,63}}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Decision decide(@PathVariable String key, @RequestBody Map<String, Object> inputs) {
    return new Decision(engine.decide(key, inputs).orElse(null));
  }
}
