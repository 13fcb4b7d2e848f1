package dev.storyflow.story;

import dev.storyflow.lifecycle.StoryProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Starts stories. Inside the engine, the start rules register the id (a unique key, so parallel
 * starts of one id give one story) and intake checks the story again.
 */
@Service
public class StoryService {

  private final RuntimeService runtimeService;
  private final StoryVariablesMapper mapper;
  private final StoryRegistry registry;

  StoryService(RuntimeService runtimeService, StoryVariablesMapper mapper, StoryRegistry registry) {
    this.runtimeService = runtimeService;
    this.mapper = mapper;
    this.registry = registry;
  }

  /**
   * @throws DuplicateStoryException when a story with this id exists, running or finished
   */
  public void start(StoryInput story) {
    if (registry.exists(story.storyId())) {
      throw DuplicateStoryException.taken(story.storyId());
    }
    runtimeService.createProcessInstanceByKey(StoryProcess.KEY)
        .businessKey(story.storyId())
        .setVariables(mapper.toVariables(story))
        .execute();
  }
}
