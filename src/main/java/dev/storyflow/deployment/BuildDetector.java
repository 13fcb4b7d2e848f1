package dev.storyflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.deployment.ServiceFacts.BuildInfo;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Detects the build tool, runtime version, name, version, artifact and start command. */
final class BuildDetector {

  private static final Pattern GRADLE_TOOLCHAIN = Pattern.compile("JavaLanguageVersion\\.of\\(\\s*(\\d+)\\s*\\)");
  private static final Pattern GRADLE_COMPATIBILITY =
      Pattern.compile("sourceCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_)?['\"]?(?:1[._])?(\\d+)");
  private static final Pattern GRADLE_VERSION = Pattern.compile("(?m)^\\s*version\\s*=\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern GRADLE_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
  private static final Pattern NODE_START = Pattern.compile("^node\\s+([\\w./-]+\\.[cm]?js)$");
  private static final Pattern PYTHON_VERSION = Pattern.compile("requires-python\\s*=\\s*['\"][^'\"\\d]*(3\\.\\d+)");
  private static final Pattern PYPROJECT_NAME = Pattern.compile("(?m)^name\\s*=\\s*['\"]([^'\"]+)['\"]");

  private final ObjectMapper json = new ObjectMapper();

  BuildInfo detect(SourceTree tree) {
    if (tree.exists("pom.xml")) {
      return maven(tree);
    }
    if (tree.exists("build.gradle") || tree.exists("build.gradle.kts")) {
      return gradle(tree);
    }
    if (tree.exists("package.json")) {
      return npm(tree);
    }
    if (tree.exists("requirements.txt") || tree.exists("pyproject.toml")) {
      return pip(tree);
    }
    return new BuildInfo(BuildTool.UNKNOWN, "", "app", "latest", null, List.of(), false, false, false, false);
  }

  private BuildInfo maven(SourceTree tree) {
    Document pom = xml(tree.read("pom.xml").orElse(""));
    Element project = pom == null ? null : pom.getDocumentElement();
    String artifactId = child(project, "artifactId").orElse("app");
    String version = child(project, "version").or(() -> child(element(project, "parent"), "version")).orElse("latest");
    String packaging = child(project, "packaging").orElse("jar");
    Element properties = element(project, "properties");
    String java = child(properties, "java.version")
        .or(() -> child(properties, "maven.compiler.release"))
        .or(() -> child(properties, "maven.compiler.target"))
        .or(() -> child(properties, "maven.compiler.source"))
        .map(BuildDetector::javaVersion).orElse(BuildTool.MAVEN.defaultRuntimeVersion());
    String finalName = child(element(project, "build"), "finalName").orElse(artifactId + "-" + version);
    String text = tree.read("pom.xml").orElse("");
    boolean springBoot = text.contains("org.springframework.boot");
    boolean actuator = text.contains("spring-boot-starter-actuator");
    String artifact = "target/" + finalName + "." + ("war".equals(packaging) ? "war" : "jar");
    return new BuildInfo(BuildTool.MAVEN, java, kubernetesName(artifactId), version, artifact,
        List.of("java", "-jar", "/app/app.jar"), springBoot, actuator, false, false);
  }

  private BuildInfo gradle(SourceTree tree) {
    String build = tree.read("build.gradle").or(() -> tree.read("build.gradle.kts")).orElse("");
    String settings = tree.read("settings.gradle").or(() -> tree.read("settings.gradle.kts")).orElse("");
    String java = find(GRADLE_TOOLCHAIN, build).or(() -> find(GRADLE_COMPATIBILITY, build))
        .orElse(BuildTool.GRADLE.defaultRuntimeVersion());
    String name = find(GRADLE_NAME, settings).orElse("app");
    String version = find(GRADLE_VERSION, build).filter(v -> !v.contains("$")).orElse("latest");
    boolean springBoot = build.contains("org.springframework.boot");
    boolean actuator = build.contains("spring-boot-starter-actuator");
    return new BuildInfo(BuildTool.GRADLE, java, kubernetesName(name), version, "build/libs/*.jar",
        List.of("java", "-jar", "/app/app.jar"), springBoot, actuator, false, false);
  }

  private BuildInfo npm(SourceTree tree) {
    JsonNode pkg = readJson(tree.read("package.json").orElse("{}"));
    String node = tree.read(".nvmrc").map(String::trim)
        .or(() -> Optional.ofNullable(pkg.path("engines").path("node").textValue()))
        .flatMap(v -> find(FIRST_NUMBER, v)).map(v -> v.contains(".") ? v.substring(0, v.indexOf('.')) : v)
        .orElse(BuildTool.NPM.defaultRuntimeVersion());
    String name = pkg.path("name").asText("app").replaceFirst("^@[^/]+/", "");
    String main = pkg.path("main").asText("");
    String startScript = pkg.path("scripts").path("start").asText("");
    Matcher start = NODE_START.matcher(startScript.trim());
    List<String> command;
    if (start.matches()) {
      command = List.of("node", start.group(1));
    } else if (!main.isBlank()) {
      command = List.of("node", main);
    } else if (!startScript.isBlank()) {
      command = List.of("npm", "start");
    } else {
      command = List.of("node", "index.js");
    }
    String artifact = "node".equals(command.get(0)) ? command.get(1) : "package.json";
    return new BuildInfo(BuildTool.NPM, node, kubernetesName(name), pkg.path("version").asText("latest"),
        artifact, command, false, false,
        tree.exists("package-lock.json"), pkg.path("scripts").has("build"));
  }

  private BuildInfo pip(SourceTree tree) {
    String pyproject = tree.read("pyproject.toml").orElse("");
    String python = find(PYTHON_VERSION, pyproject).orElse(BuildTool.PIP.defaultRuntimeVersion());
    String name = find(PYPROJECT_NAME, pyproject).orElse("app");
    String entry = List.of("app.py", "main.py", "server.py", "wsgi.py").stream()
        .filter(tree::exists).findFirst().orElse("app.py");
    return new BuildInfo(BuildTool.PIP, python, kubernetesName(name), "latest", entry,
        List.of("python", entry), false, false, tree.exists("requirements.txt"), false);
  }

  /** A DNS-1123 label: lower case letters, digits and dashes, starting with a letter. */
  static String kubernetesName(String name) {
    String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
    if (cleaned.length() > 50) {
      cleaned = cleaned.substring(0, 50).replaceAll("-+$", "");
    }
    return cleaned.isEmpty() ? "app" : cleaned;
  }

  private static String javaVersion(String value) {
    String trimmed = value.trim();
    return trimmed.startsWith("1.") ? trimmed.substring(2) : trimmed;
  }

  private static Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private JsonNode readJson(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private static Document xml(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return null;
    }
  }

  private static Element element(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        return e;
      }
    }
    return null;
  }

  private static Optional<String> child(Element parent, String name) {
    return Optional.ofNullable(element(parent, name)).map(Node::getTextContent).map(String::trim)
        .filter(v -> !v.isEmpty() && !v.contains("${"));
  }
}
