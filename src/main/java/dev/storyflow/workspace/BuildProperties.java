package dev.storyflow.workspace;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the implementation gate builds and tests a story branch. The build runs the repository's
 * own code: only trusted team repositories belong in a story's {@code repository}.
 *
 * @param command the build-and-test command as a list of arguments; empty means detected (Maven,
 *     Gradle, npm or make)
 * @param timeout how long a build may run before its whole process tree is killed
 * @param logLimit how much of the build's output is kept (its beginning and its end)
 */
@ConfigurationProperties("storyflow.build")
record BuildProperties(List<String> command, @DefaultValue("15m") Duration timeout,
    @DefaultValue("1MB") DataSize logLimit) {

  BuildProperties {
    command = command == null ? List.of() : List.copyOf(command);
  }
}
