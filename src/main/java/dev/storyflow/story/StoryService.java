package dev.storyflow.story;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts stories. The intake listener on the start event checks them again inside the engine. */
@Service
class StoryService {

  private final RuntimeService runtimeService;
  private final StoryVariablesMapper mapper;
  private final EngineAccess engine;

  StoryService(RuntimeService runtimeService, StoryVariablesMapper mapper, EngineAccess engine) {
    this.runtimeService = runtimeService;
    this.mapper = mapper;
    this.engine = engine;
  }

  /**
   * @throws DuplicateStoryException when a story with this id is running
   */
  void start(StoryInput story) {
    boolean running = engine.asSystem(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY)
        .processInstanceBusinessKey(story.storyId())
        .count() > 0);
    if (running) {
      throw new DuplicateStoryException(story.storyId());
    }
    runtimeService.createProcessInstanceByKey(StoryProcess.KEY)
        .businessKey(story.storyId())
        .setVariables(mapper.toVariables(story))
        .execute();
  }
}
