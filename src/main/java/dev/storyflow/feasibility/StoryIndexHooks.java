package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.engineer.EngineReads.StoryWords;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link StoryIndex} in step with the running stories, in each story's own engine
 * transaction, hooked into the engine when it parses {@code story-lifecycle} (so for every version
 * deployed; the process file is not touched):
 * <ul>
 *   <li>a story starts: at the end of {@code StartEvent_StoryCreated}, after the intake has
 *       normalised its fields; a story started at a later status (an epic imported at its status,
 *       start instructions) has no intake and is indexed when its process starts;</li>
 *   <li>{@code Task_ReviseStory} is completed: the revised statement replaces the old one, after
 *       {@code storyRevision} has normalised it;</li>
 *   <li>the process instance ends for any reason (done, withdrawn, deleted, cancelled): its rows go.</li>
 * </ul>
 * The execution listeners are built-in ones, which run even when an admin skips custom listeners;
 * the task listener comes after the task's own listeners. A statement an admin changes by setting
 * variables outside a task keeps its old words in the index until the story is revised.
 * <p>
 * At start-up, the running stories the index lacks (started before it existed, or by a node of an
 * older version) are indexed, and rows of process instances that no longer run are removed; the
 * words come from Java code, so a database migration cannot do it.
 */
@Component
class StoryIndexHooks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StoryIndexHooks.class);
  private static final int BATCH = 200;

  private final StoryIndex index;
  private final TransactionTemplate transaction;

  StoryIndexHooks(@Lazy StoryIndex index, PlatformTransactionManager transactions) {
    this.index = index;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new StoryParseListener());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, String> unindexed = index.unindexed();
    List<String> ids = List.copyOf(unindexed.keySet());
    for (int i = 0; i < ids.size(); i += BATCH) {
      addAll(engine, ids.subList(i, Math.min(ids.size(), i + BATCH)), unindexed);
    }
    int removed = index.removeEnded();
    if (!unindexed.isEmpty() || removed > 0) {
      LOG.info("Running stories' words: {} stories indexed, {} no longer running removed", unindexed.size(), removed);
    }
  }

  private void storyStarted(DelegateExecution execution) {
    index.add(execution.getProcessInstanceId(), words(execution));
  }

  private void processStarted(DelegateExecution execution) {
    if (!StoryProcess.START_EVENT.equals(execution.getCurrentActivityId())) {
      storyStarted(execution);
    }
  }

  private void storyRevised(DelegateTask task) {
    index.replace(task.getProcessInstanceId(), words(task));
  }

  private void processEnded(DelegateExecution execution) {
    index.remove(execution.getProcessInstanceId());
  }

  /** Read without deserializing anything: a variable that is not text is no part of the statement. */
  private static StoryWords words(VariableScope scope) {
    return words(name -> scope.getVariableTyped(name, false) instanceof StringValue s ? s.getValue() : null,
        scope instanceof DelegateExecution e ? e.getProcessBusinessKey()
            : ((DelegateTask) scope).getExecution().getProcessBusinessKey());
  }

  /** The story's words from its variables, read as the feasibility step reads them. */
  private static StoryWords words(Function<String, Object> variables, String businessKey) {
    String storyId = text(variables.apply(STORY_ID));
    return ContentWords.of(StoryText.of(new StoryInput(storyId == null ? businessKey : storyId,
        text(variables.apply(TITLE)), text(variables.apply(AS_A)), text(variables.apply(I_WANT)),
        text(variables.apply(SO_THAT)), null, null, null, null, null, null, null, null, null, null)));
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  /** Indexes running stories in one transaction; one by one when another node indexes them at the same time. */
  private void addAll(ProcessEngine engine, List<String> processInstanceIds, Map<String, String> businessKeys) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .variableNameIn(STORY_ID, TITLE, AS_A, I_WANT, SO_THAT)
        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      if (v.getProcessInstanceId().equals(v.getExecutionId())) {
        variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    Map<String, StoryWords> stories = new HashMap<>();
    for (String id : processInstanceIds) {
      Map<String, Object> story = variables.getOrDefault(id, Map.of());
      stories.put(id, words(story::get, businessKeys.get(id)));
    }
    try {
      transaction.executeWithoutResult(tx -> stories.forEach(index::add));
    } catch (DataIntegrityViolationException e) {
      stories.forEach((id, story) -> {
        try {
          transaction.executeWithoutResult(tx -> index.add(id, story));
        } catch (DataIntegrityViolationException indexedMeanwhile) {
          LOG.debug("Story of process instance {} was indexed meanwhile", id);
        }
      });
    }
  }

  private final class StoryParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (StoryProcess.KEY.equals(processDefinition.getKey())) {
        ExecutionListener started = StoryIndexHooks.this::processStarted;
        ExecutionListener ended = StoryIndexHooks.this::processEnded;
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
      }
    }

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
      if (isStory(startEventActivity) && StoryProcess.START_EVENT.equals(startEventActivity.getId())) {
        ExecutionListener started = StoryIndexHooks.this::storyStarted;
        startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, started);
      }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (isStory(activity) && StoryTask.REVISE_STORY.id().equals(activity.getId())
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        // a task listener of its own, not a built-in one: those run before the process's own, this one after them
        TaskListener revised = StoryIndexHooks.this::storyRevised;
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, revised);
      }
    }

    private static boolean isStory(ActivityImpl activity) {
      return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          && StoryProcess.KEY.equals(definition.getKey());
    }
  }
}
