package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.StoryflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Storyflow does not start when an agent could outlive its job's lock. */
class LockTimeCheckIT {

  @Test
  void storyflowRefusesToStartWhenTheAgentTimeoutOutlastsTheLock() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("test")
        .run("--server.port=0", "--spring.jmx.enabled=false",
            "--spring.datasource.url=jdbc:h2:mem:storyflow-lock-check;DB_CLOSE_DELAY=-1",
            "--storyflow.agent.timeout=2h"))
        .rootCause()
        .hasMessageContaining("Storyflow refuses to start")
        .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis")
        .hasMessageContaining("storyflow.agent.timeout");
  }

}
