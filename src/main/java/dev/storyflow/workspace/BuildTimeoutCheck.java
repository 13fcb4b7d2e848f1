package dev.storyflow.workspace;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a build could outlive the lock on its job: the job executor would then
 * hand the same implementation step to a second thread or node while the first still builds.
 */
@Component
class BuildTimeoutCheck {

  /** Time for cloning, pushing and reading reports around the build itself. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  BuildTimeoutCheck(ProcessEngine engine, BuildProperties build, CamundaBpmProperties camunda) {
    if (!camunda.getJobExecution().isEnabled()) {
      return; // no job executor here: jobs are executed by hand (tests) or by other nodes
    }
    long lockMillis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor().getLockTimeInMillis();
    check(build.timeout(), lockMillis);
  }

  static void check(Duration buildTimeout, long lockMillis) {
    if (buildTimeout.plus(MARGIN).toMillis() > lockMillis) {
      throw new IllegalStateException("storyflow.build.timeout (" + buildTimeout + ") plus " + MARGIN
          + " must not exceed the job lock time camunda.bpm.job-execution.lock-time-in-millis (" + lockMillis
          + " ms): a build still running would be started a second time. Raise the lock time or lower the timeout.");
    }
  }
}
