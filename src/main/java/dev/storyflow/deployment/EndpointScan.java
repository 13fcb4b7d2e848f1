package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.BuildInfo;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Finds the port the service listens on and its HTTP health endpoint. */
final class EndpointScan {

  /** Where a port was found. */
  record Port(int number, String source) {
  }

  private static final Pattern NUMBER_OR_DEFAULT = Pattern.compile("^(?:\\$\\{[A-Za-z0-9_.]+:)?(\\d{2,5})\\}?$");
  private static final List<Pattern> CODE_PORTS = List.of(
      Pattern.compile("process\\.env\\.PORT\\s*(?:\\|\\||\\?\\?)\\s*['\"]?(\\d{2,5})"),
      Pattern.compile("\\.listen\\(\\s*(\\d{2,5})\\b"),
      Pattern.compile("\\b(?:PORT|port)\\s*[:=]\\s*(?:int\\()?['\"]?(\\d{2,5})\\b"),
      Pattern.compile("os\\.environ\\.get\\(\\s*['\"]PORT['\"]\\s*,\\s*['\"]?(\\d{2,5})"),
      Pattern.compile("ListenAndServe\\(\\s*\"[^\":]*:(\\d{2,5})\""));
  private static final Pattern EXPOSE = Pattern.compile("(?im)^\\s*EXPOSE\\s+(\\d{2,5})");
  private static final Pattern HEALTH_ROUTE =
      Pattern.compile("['\"`](/(?:health|healthz|livez|readyz|ready|ping|status)(?:/[A-Za-z]+)?)['\"`]");

  Port port(SourceTree tree, BuildInfo build, Optional<String> dockerfile) {
    if (build.tool() == BuildTool.MAVEN || build.tool() == BuildTool.GRADLE) {
      for (String file : tree.springConfiguration()) {
        if (file.matches("(.*/)?application\\.(properties|ya?ml)")) {
          Optional<Integer> port = springPort(tree.read(file).orElse(""), file.endsWith(".properties"));
          if (port.isPresent()) {
            return new Port(port.get(), "server.port in " + file);
          }
        }
      }
    } else {
      for (String file : tree.withExtension(".js", ".mjs", ".cjs", ".ts", ".py", ".go")) {
        String text = tree.read(file).orElse("");
        for (Pattern pattern : CODE_PORTS) {
          Matcher m = pattern.matcher(text);
          if (m.find()) {
            return new Port(Integer.parseInt(m.group(1)), file);
          }
        }
      }
    }
    Optional<Port> exposed = dockerfile.flatMap(name -> tree.read(name).map(EXPOSE::matcher)
        .filter(Matcher::find).map(m -> new Port(Integer.parseInt(m.group(1)), "EXPOSE in " + name)));
    return exposed.orElse(new Port(build.tool().defaultPort(), "default of " + build.tool().runtime()));
  }

  /** Actuator's health endpoint for Spring Boot, else a health route found in the code. */
  Optional<String> healthPath(SourceTree tree, BuildInfo build) {
    if (build.springBoot() && build.actuator()) {
      return Optional.of("/actuator/health");
    }
    return tree.withExtension(".java", ".kt", ".js", ".mjs", ".cjs", ".ts", ".py", ".go").stream()
        .map(f -> tree.read(f).orElse(""))
        .map(HEALTH_ROUTE::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst();
  }

  private static Optional<Integer> springPort(String text, boolean properties) {
    Object value;
    if (properties) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        return Optional.empty();
      }
      value = p.getProperty("server.port");
    } else {
      value = yamlPort(text);
    }
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = NUMBER_OR_DEFAULT.matcher(String.valueOf(value).trim());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private static Object yamlPort(String text) {
    try {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
        if (document instanceof Map<?, ?> map) {
          Object server = map.get("server");
          Object port = server instanceof Map<?, ?> s ? s.get("port") : map.get("server.port");
          if (port != null) {
            return port;
          }
        }
      }
    } catch (YAMLException e) {
      return null;
    }
    return null;
  }
}
