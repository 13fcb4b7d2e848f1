package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules every story start obeys, however it starts and whoever starts it: the story id (the
 * business key, or {@code storyId} when there is none yet) must be a valid id, and is registered
 * for ever in {@link StoryRegistry}. It runs as a built-in listener on the process's start, which
 * the engine runs even when custom listeners are skipped or the start begins at another step
 * (both only for admins; see the lifecycle's command rules). The full intake of the story's
 * fields follows in {@code storyIntake} on the start event.
 */
@Component
class StoryStartRules extends AbstractProcessEnginePlugin implements ExecutionListener {

  private static final String CONTEXT = "Invalid story";

  private final StoryRegistry registry;

  StoryStartRules(@Lazy StoryRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (StoryProcess.KEY.equals(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, StoryStartRules.this);
        }
      }
    });
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    // not deserialized: whatever else it is, a storyId that is not a String is no story id
    TypedValue variable = execution.getVariableTyped(STORY_ID, false);
    String storyId = businessKey != null ? businessKey : variable instanceof StringValue s ? s.getValue() : null;
    if (storyId == null) {
      throw new StoryRuleException(CONTEXT, List.of(new FieldProblem(STORY_ID,
          "is required (as the business key or the variable storyId)")));
    }
    if (!StoryInput.isValidId(storyId)) {
      throw new StoryRuleException(CONTEXT, List.of(new FieldProblem(businessKey != null ? "businessKey" : STORY_ID,
          StoryInput.ID_MESSAGE)));
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    registry.register(storyId, execution.getProcessInstanceId(), user == null ? null : user.getUserId());
  }
}
