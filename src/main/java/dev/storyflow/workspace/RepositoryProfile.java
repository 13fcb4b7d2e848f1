package dev.storyflow.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository is, read from its working tree: build tools, modules, source and test
 * folders, test frameworks and the languages of its files. Only file names and build files are
 * read; nothing is run.
 *
 * @param buildTools the build tools found (maven, gradle, npm, make), the one the gate uses first
 * @param buildCommand the commands the implementation gate will run
 * @param modules sub-projects (Maven modules, Gradle projects, npm workspaces)
 * @param sourceFolders folders holding production code
 * @param testFolders folders holding tests
 * @param testFrameworks test frameworks and tools the build files mention
 * @param languages file counts by extension, most common first (at most ten)
 */
record RepositoryProfile(List<String> buildTools, List<List<String>> buildCommand, List<String> modules,
    List<String> sourceFolders, List<String> testFolders, List<String> testFrameworks, Map<String, Long> languages) {

  private static final List<String> SOURCE_FOLDERS = List.of("src/main/java", "src/main/kotlin", "src/main/resources",
      "src/lib", "lib", "app", "src");
  private static final List<String> TEST_FOLDERS = List.of("src/test/java", "src/test/kotlin", "src/test/resources",
      "test", "tests", "__tests__", "spec");
  private static final Map<String, String> FRAMEWORKS = frameworks();
  private static final Pattern MAVEN_MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
  private static final Pattern GRADLE_INCLUDE = Pattern.compile("include\\s*\\(?([^\\n)]*)");
  private static final Pattern QUOTED = Pattern.compile("['\"]:?([^'\"]+)['\"]");
  private static final Pattern NPM_WORKSPACES = Pattern.compile("\"workspaces\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", "build", ".gradle",
      "dist", ".idea");

  static RepositoryProfile of(Path dir, List<String> configuredCommand) {
    List<String> tools = new ArrayList<>();
    if (exists(dir, "pom.xml")) {
      tools.add("maven");
    }
    if (exists(dir, "build.gradle") || exists(dir, "build.gradle.kts") || exists(dir, "settings.gradle")
        || exists(dir, "settings.gradle.kts")) {
      tools.add("gradle");
    }
    if (exists(dir, "package.json")) {
      tools.add("npm");
    }
    if (exists(dir, "Makefile") || exists(dir, "makefile") || exists(dir, "GNUmakefile")) {
      tools.add("make");
    }
    List<List<String>> command = BuildPlan.of(dir, configuredCommand).map(BuildPlan::commands).orElse(List.of());

    List<String> modules = new ArrayList<>();
    modules.addAll(matches(read(dir.resolve("pom.xml")), MAVEN_MODULE));
    for (String settings : List.of("settings.gradle", "settings.gradle.kts")) {
      for (String include : matches(read(dir.resolve(settings)), GRADLE_INCLUDE)) {
        modules.addAll(matches(include, QUOTED).stream().map(m -> m.replace(':', '/')).toList());
      }
    }
    for (String workspaces : matches(read(dir.resolve("package.json")), NPM_WORKSPACES)) {
      modules.addAll(matches(workspaces, QUOTED));
    }

    List<String> roots = new ArrayList<>(List.of(""));
    modules.forEach(m -> roots.add(m + "/"));
    List<String> sources = existing(dir, roots, SOURCE_FOLDERS);
    List<String> tests = existing(dir, roots, TEST_FOLDERS);

    StringBuilder buildFiles = new StringBuilder();
    for (String root : roots) {
      for (String file : List.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json", "Makefile")) {
        buildFiles.append(read(dir.resolve(root + file))).append('\n');
      }
    }
    String text = buildFiles.toString().toLowerCase(Locale.ROOT);
    Set<String> frameworks = new LinkedHashSet<>();
    FRAMEWORKS.forEach((marker, name) -> {
      if (text.contains(marker)) {
        frameworks.add(name);
      }
    });
    return new RepositoryProfile(tools, command, List.copyOf(new LinkedHashSet<>(modules)), sources, tests,
        List.copyOf(frameworks), languages(dir));
  }

  private static Map<String, String> frameworks() {
    Map<String, String> markers = new LinkedHashMap<>();
    markers.put("junit-jupiter", "JUnit 5");
    markers.put("junit-bom", "JUnit 5");
    markers.put("usejunitplatform", "JUnit 5");
    markers.put("<artifactid>junit</artifactid>", "JUnit 4");
    markers.put("junit:junit:", "JUnit 4");
    markers.put("testng", "TestNG");
    markers.put("spring-boot-starter-test", "Spring Boot Test");
    markers.put("mockito", "Mockito");
    markers.put("assertj", "AssertJ");
    markers.put("kotest", "Kotest");
    markers.put("\"jest\"", "Jest");
    markers.put("jest-junit", "jest-junit (JUnit XML)");
    markers.put("\"vitest\"", "Vitest");
    markers.put("\"mocha\"", "Mocha");
    markers.put("mocha-junit-reporter", "mocha-junit-reporter (JUnit XML)");
    markers.put("\"jasmine\"", "Jasmine");
    markers.put("jacoco", "JaCoCo (coverage)");
    markers.put("junit.xml", "JUnit XML report");
    return markers;
  }

  private static boolean exists(Path dir, String file) {
    return Files.isRegularFile(dir.resolve(file));
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) < 1_000_000 ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> matches(String text, Pattern pattern) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).trim());
    }
    return found;
  }

  private static List<String> existing(Path dir, List<String> roots, List<String> candidates) {
    List<String> found = new ArrayList<>();
    for (String root : roots) {
      for (String candidate : candidates) {
        String folder = root + candidate;
        boolean covered = found.stream().anyMatch(f -> folder.startsWith(f + "/"));
        if (!covered && Files.isDirectory(dir.resolve(folder))) {
          found.add(folder);
        }
      }
    }
    return found;
  }

  private static Map<String, Long> languages(Path dir) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
          return SKIPPED_FOLDERS.contains(String.valueOf(folder.getFileName())) ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          String name = file.getFileName().toString();
          if (attributes.isRegularFile() && name.lastIndexOf('.') > 0) {
            counts.merge(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), 1L, Long::sum);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + dir, e);
    }
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
