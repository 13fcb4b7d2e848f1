package dev.storyflow.tasklist;

import dev.storyflow.lifecycle.StoryProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What Tasklist needs from the engine, hooked in when {@code story-lifecycle} is parsed, so the
 * BPMN stays as it is and every deployed version gets it (built-in listeners run even when an admin
 * skips custom listeners):
 * <ul>
 *   <li>every user task names its story ({@link StoryTaskPresentation});</li>
 *   <li>a task's form variables add what the form shows beyond the story's variables, and its
 *       comments are the story's ({@link StoryTaskReads}, a command interceptor: computed when read,
 *       nothing copied onto the task);</li>
 *   <li>variables are read with their own permissions ({@code READ_INSTANCE_VARIABLE}, which the
 *       team's groups get for the story process, see {@code TeamSetup}), so a Tasklist filter shows
 *       story variables without the team reading process instances;</li>
 *   <li>a task's candidates may read that task's history (historic instance permissions: the
 *       engine grants {@code HISTORIC_TASK} rights on the task with its {@code TASK} rights), so its
 *       History tab shows the comments instead of a 404.</li>
 * </ul>
 */
@Component
class TasklistEngineHooks extends AbstractProcessEnginePlugin {

  private final StoryTaskPresentation presentation;
  private final FormPrefill prefill;
  private final List<FormValues> formValues;
  private final StoryComments comments;

  TasklistEngineHooks(StoryTaskPresentation presentation, FormPrefill prefill, List<FormValues> formValues,
      StoryComments comments) {
    this.presentation = presentation;
    this.prefill = prefill;
    this.formValues = formValues;
    this.comments = comments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setEnableHistoricInstancePermissions(true);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // one interceptor per chain: each knows its own next
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new StoryTaskReads(formValues, comments));
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new StoryTaskReads(formValues, comments));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (isStory(activity) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          addListeners(activity.getId(), userTask.getTaskDefinition());
        }
      }
    });
  }

  private void addListeners(String taskKey, TaskDefinition task) {
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, presentation);
    if (FormPrefill.prefills(taskKey)) {
      // built-in listeners run before the BPMN's, so before the decision is checked
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, prefill);
    }
  }

  private static boolean isStory(ActivityImpl activity) {
    return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && StoryProcess.KEY.equals(definition.getKey());
  }
}
