package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.StoryTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentGuardTest {

  final DeploymentGuard guard = new DeploymentGuard(new ObjectMapper());

  @Test
  void approvingAFailedBundleNeedsAnOverride() {
    Map<String, Object> failed = Map.of("deployment", "{\"valid\":false,\"problems\":[\"deploy/Dockerfile: runs as root\"]}");

    assertThat(guard.overrideNeeded(StoryTask.CONFIGURE_DEVOPS, failed))
        .hasValue("the deployment bundle failed validation, 1 problem(s): deploy/Dockerfile: runs as root");
  }

  @Test
  void validBundlesAndOtherTasksNeedNothing() {
    assertThat(guard.overrideNeeded(StoryTask.CONFIGURE_DEVOPS, Map.of("deployment", Map.of("valid", true)))).isEmpty();
    assertThat(guard.overrideNeeded(StoryTask.UAT, Map.of("deployment", Map.of("valid", false, "problems", List.of()))))
        .isEmpty();
  }

  @Test
  void missingOrUnreadableReportsFailClosed() {
    assertThat(guard.overrideNeeded(StoryTask.CONFIGURE_DEVOPS, Map.of())).hasValue("there is no deployment report");
    assertThat(guard.overrideNeeded(StoryTask.CONFIGURE_DEVOPS, Map.of("deployment", "not json")))
        .hasValue("the deployment report cannot be read (no valid flag)");
    assertThat(guard.overrideNeeded(StoryTask.CONFIGURE_DEVOPS, Map.of("deployment", "{\"valid\":\"yes\"}")))
        .hasValue("the deployment report cannot be read (no valid flag)");
  }
}
