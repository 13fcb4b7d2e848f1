package dev.storyflow.agent;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultFailedJobConfiguration;
import org.springframework.stereotype.Component;

/**
 * Camunda's failed-job handling (retry cycles, incidents), except that a job failing on a
 * misconfigured agent gets no retries: it becomes an incident in Cockpit at once, with the
 * configuration problem as its message. Retrying would only repeat the same failure.
 */
@Component
class MisconfigurationIncidents extends DefaultFailedJobConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    super.preInit(configuration);
    configuration.setFailedJobCommandFactory(new Factory());
  }

  static final class Factory implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return new RetryUnlessMisconfigured(jobId, exception);
    }
  }

  static final class RetryUnlessMisconfigured extends DefaultJobRetryCmd {

    RetryUnlessMisconfigured(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (!misconfigured(exception)) {
        return super.execute(commandContext);
      }
      JobEntity job = getJob();
      if (job != null) {
        job.unlock();
        logException(job);
        job.setRetries(0);
      }
      return null;
    }

    private static boolean misconfigured(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof AgentMisconfiguredException) {
          return true;
        }
      }
      return false;
    }
  }
}
