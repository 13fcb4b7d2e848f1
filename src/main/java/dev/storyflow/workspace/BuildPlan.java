package dev.storyflow.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a story branch is built and tested: the configured command, or one detected from the
 * repository's build files. Commands are argument lists, never shell strings.
 *
 * @param tool {@code configured}, {@code maven}, {@code gradle}, {@code npm} or {@code make}
 * @param commands the commands to run one after the other, in the working tree
 */
record BuildPlan(String tool, List<List<String>> commands) {

  static Optional<BuildPlan> of(Path dir, List<String> configured) {
    if (!configured.isEmpty()) {
      return Optional.of(new BuildPlan("configured", List.of(configured)));
    }
    if (Files.isRegularFile(dir.resolve("pom.xml"))) {
      return Optional.of(new BuildPlan("maven", List.of(List.of(wrapper(dir, "mvnw", "mvn"), "-B", "-ntp", "verify"))));
    }
    if (Files.isRegularFile(dir.resolve("build.gradle")) || Files.isRegularFile(dir.resolve("build.gradle.kts"))
        || Files.isRegularFile(dir.resolve("settings.gradle")) || Files.isRegularFile(dir.resolve("settings.gradle.kts"))) {
      List<String> gradle = new ArrayList<>(List.of(wrapper(dir, "gradlew", "gradle"), "--no-daemon", "check"));
      if (mentions(dir.resolve("build.gradle"), "jacoco") || mentions(dir.resolve("build.gradle.kts"), "jacoco")) {
        gradle.add("jacocoTestReport");
      }
      return Optional.of(new BuildPlan("gradle", List.of(List.copyOf(gradle))));
    }
    if (Files.isRegularFile(dir.resolve("package.json"))) {
      List<String> install = Files.isRegularFile(dir.resolve("package-lock.json"))
          ? List.of("npm", "ci", "--no-audit", "--no-fund")
          : List.of("npm", "install", "--no-audit", "--no-fund");
      return Optional.of(new BuildPlan("npm", List.of(install, List.of("npm", "test"))));
    }
    for (String makefile : List.of("GNUmakefile", "makefile", "Makefile")) {
      if (Files.isRegularFile(dir.resolve(makefile))) {
        return Optional.of(new BuildPlan("make", List.of(List.of("make", "test"))));
      }
    }
    return Optional.empty();
  }

  /** The repository's own wrapper script when it has one, else the tool on the PATH. */
  private static String wrapper(Path dir, String script, String tool) {
    Path wrapper = dir.resolve(script);
    return Files.isRegularFile(wrapper) && Files.isExecutable(wrapper) ? wrapper.toString() : tool;
  }

  private static boolean mentions(Path file, String word) {
    try {
      return Files.isRegularFile(file) && Files.readString(file).contains(word);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
