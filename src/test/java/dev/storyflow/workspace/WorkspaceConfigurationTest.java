package dev.storyflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The {@code storyflow.workspace}, {@code storyflow.build} and {@code storyflow.coverage} keys. */
class WorkspaceConfigurationTest {

  @Configuration
  @EnableConfigurationProperties({WorkspaceProperties.class, BuildProperties.class, CoverageProperties.class})
  static class Keys {
  }

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Keys.class);

  @Test
  void defaults() {
    context.run(c -> {
      assertThat(c.getBean(WorkspaceProperties.class).root().normalize()).isEqualTo(Path.of("data/workspaces"));
      assertThat(c.getBean(WorkspaceProperties.class).baseBranch()).isNull();
      assertThat(c.getBean(BuildProperties.class).command()).isEmpty();
      assertThat(c.getBean(BuildProperties.class).timeout()).isEqualTo(Duration.ofMinutes(15));
      assertThat(c.getBean(BuildProperties.class).logLimit()).isEqualTo(DataSize.ofMegabytes(1));
      assertThat(c.getBean(CoverageProperties.class).minLine()).isNull();
      assertThat(c.getBean(WorkspaceProperties.class).repositoryRoots()).isEmpty();
    });
  }

  @Test
  void commandIsAnArgumentListAsOnTheCommandLine() {
    context.withPropertyValues("storyflow.build.command=make,test", "storyflow.build.timeout=90s",
            "storyflow.coverage.min-line=0.8", "storyflow.workspace.base-branch=develop",
            "storyflow.workspace.repository-roots=/srv/git,/home/team/repos")
        .run(c -> {
          assertThat(c.getBean(BuildProperties.class).command()).containsExactly("make", "test");
          assertThat(c.getBean(BuildProperties.class).timeout()).isEqualTo(Duration.ofSeconds(90));
          assertThat(c.getBean(CoverageProperties.class).minLine()).isEqualTo(0.8);
          assertThat(c.getBean(WorkspaceProperties.class).baseBranch()).isEqualTo("develop");
          assertThat(c.getBean(WorkspaceProperties.class).repositoryRoots())
              .containsExactly(Path.of("/srv/git"), Path.of("/home/team/repos"));
        });
  }

  @Test
  void coverageThresholdOutsideZeroToOneIsRefusedAtStartUp() {
    context.withPropertyValues("storyflow.coverage.min-line=80")
        .run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("storyflow.coverage.minLine"));
  }

}
