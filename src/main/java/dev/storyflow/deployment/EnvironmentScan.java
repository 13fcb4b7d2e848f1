package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the environment variables the code reads: Spring placeholders ({@code ${NAME}} in
 * configuration files and {@code @Value}), {@code System.getenv}, {@code process.env},
 * {@code os.environ} / {@code os.getenv} and Go's {@code os.Getenv}. A variable is required
 * unless every place that reads it gives a default.
 */
final class EnvironmentScan {

  /** {@code ${NAME}} or {@code ${NAME:default}}; only upper-case names are environment variables. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?");
  /** {@code @Value("...")}: in code, placeholders count only there (not in comments or other strings). */
  private static final Pattern VALUE_ANNOTATION = Pattern.compile("@Value\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"");
  private static final Pattern JAVA_GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");
  private static final Pattern NODE_DOT =
      Pattern.compile("process\\.env\\.([A-Za-z_][A-Za-z0-9_]*)(\\s*(?:\\|\\||\\?\\?))?");
  private static final Pattern NODE_INDEX =
      Pattern.compile("process\\.env\\[\\s*['\"`]([A-Za-z_][A-Za-z0-9_]*)['\"`]\\s*\\](\\s*(?:\\|\\||\\?\\?))?");
  private static final Pattern NODE_DESTRUCTURE =
      Pattern.compile("(?:const|let|var)\\s*\\{([^}]*)\\}\\s*=\\s*process\\.env\\b");
  private static final Pattern PYTHON_INDEX = Pattern.compile("os\\.environ\\[\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\\s*\\]");
  private static final Pattern PYTHON_GET =
      Pattern.compile("os\\.(?:environ\\.get|getenv)\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\\s*(,)?");
  private static final Pattern GO_GETENV = Pattern.compile("os\\.(?:Getenv|LookupEnv)\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

  /** Set by the operating system, the container runtime or Kubernetes, never by the deployment. */
  private static final Set<String> PROVIDED = Set.of("PATH", "HOME", "HOSTNAME", "USER", "PWD", "SHELL", "TMPDIR",
      "TEMP", "TMP", "LANG", "TZ", "JAVA_HOME", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT");

  private record Read(String name, boolean hasDefault, String file) {
  }

  List<EnvironmentVariable> scan(SourceTree tree, Predicate<String> isSecret) {
    List<Read> reads = new ArrayList<>();
    for (String file : tree.springConfiguration()) {
      tree.read(file).ifPresent(text -> placeholders(text, file, reads));
    }
    for (String file : tree.withExtension(".java", ".kt", ".groovy", ".scala")) {
      tree.read(file).ifPresent(text -> {
        Matcher value = VALUE_ANNOTATION.matcher(text);
        while (value.find()) {
          placeholders(value.group(1), file, reads);
        }
        collect(JAVA_GETENV, text, file, m -> false, reads);
      });
    }
    for (String file : tree.withExtension(".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx")) {
      tree.read(file).ifPresent(text -> {
        collect(NODE_DOT, text, file, m -> m.group(2) != null, reads);
        collect(NODE_INDEX, text, file, m -> m.group(2) != null, reads);
        destructured(text, file, reads);
      });
    }
    for (String file : tree.withExtension(".py")) {
      tree.read(file).ifPresent(text -> {
        collect(PYTHON_INDEX, text, file, m -> false, reads);
        collect(PYTHON_GET, text, file, m -> true, reads);
      });
    }
    for (String file : tree.withExtension(".go")) {
      tree.read(file).ifPresent(text -> collect(GO_GETENV, text, file, m -> true, reads));
    }
    return merge(reads, isSecret);
  }

  private static void placeholders(String text, String file, List<Read> reads) {
    collect(PLACEHOLDER, text, file, m -> m.group(2) != null, reads);
  }

  private static void collect(Pattern pattern, String text, String file, Predicate<Matcher> hasDefault,
      List<Read> reads) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      reads.add(new Read(m.group(1), hasDefault.test(m), file));
    }
  }

  /** {@code const { PORT = 3000, REDIS_URL } = process.env}. */
  private static void destructured(String text, String file, List<Read> reads) {
    Matcher m = NODE_DESTRUCTURE.matcher(text);
    while (m.find()) {
      for (String part : m.group(1).split(",")) {
        String name = part.split("[=:]")[0].trim();
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          reads.add(new Read(name, part.contains("="), file));
        }
      }
    }
  }

  private static List<EnvironmentVariable> merge(List<Read> reads, Predicate<String> isSecret) {
    Map<String, List<Read>> byName = new TreeMap<>();
    reads.stream().filter(r -> !PROVIDED.contains(r.name()))
        .forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
    return byName.entrySet().stream().map(e -> {
      boolean required = e.getValue().stream().anyMatch(r -> !r.hasDefault());
      Set<String> files = new LinkedHashSet<>();
      e.getValue().forEach(r -> files.add(r.file()));
      return new EnvironmentVariable(e.getKey(), required, isSecret.test(e.getKey()), List.copyOf(files));
    }).toList();
  }
}
