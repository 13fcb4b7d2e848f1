package dev.storyflow.securityscan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets given to a secret-named key, in the shapes code and configuration use: assignments,
 * JSON and YAML keys, setter and builder calls, keyed calls (environment look-ups with a default, {@code setProperty}), XML
 * elements and key/value attributes, command-line flags, connection strings, PHP {@code define}
 * and, in configuration files and scripts, unquoted values. A finding needs both a secret name
 * and a value that looks like a real secret ({@link SecretValues}).
 */
final class GenericAssignments {

  static final String RULE = "secret.generic-assignment";

  /** A shape: its pattern, the groups of key and value, and whether the key is a method name. */
  private record Shape(Pattern pattern, int key, int value, boolean method) {
  }

  /** {@code key = "value"}, {@code "key": "value"}, {@code key: Type = 'value'}, {@code $c['key'] => `value`}. */
  private static final Shape QUOTED = new Shape(Pattern.compile(
      "(?<![A-Za-z0-9_.\\-$])[\"']?([A-Za-z_$][A-Za-z0-9_.\\-]*)[\"']?\\]?"
          + "(?:\\s*:\\s*[A-Za-z][A-Za-z0-9_<>?\\[\\]]*(?=\\s*=))?"
          + "\\s*(?::=|=>|\\?\\?=|\\|\\|=|=(?!=)|:)\\s*(?:[rbuRBU]{1,2}(?=[\"']))?([\"'`])([^\"'`\\s]+)\\2"), 1, 3, false);
  /** {@code setPassword("value")}, {@code .apiKey('value')}. */
  private static final Shape CALL = new Shape(Pattern.compile(
      "(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*([\"'])([^\"'\\s]+)\\2\\s*\\)"), 1, 3, true);
  /** {@code os.getenv("API_TOKEN", "value")}, {@code props.setProperty("db.password", "value")}. */
  private static final Shape KEYED_CALL = new Shape(Pattern.compile(
      "(?:getenv|get|setdefault|getProperty|getOrDefault|env|fetch|setProperty|put|set|setenv|putenv|putIfAbsent)\\s*\\(\\s*[\"']([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']\\s*,"
          + "\\s*([\"'])([^\"'\\s]+)\\2\\s*\\)"), 1, 3, false);
  /** {@code <password>value</password>}. */
  private static final Shape XML_ELEMENT = new Shape(Pattern.compile(
      "<([A-Za-z_][A-Za-z0-9_.\\-]*)>([^<\\s]+)</\\1>"), 1, 2, false);
  /** {@code <add key="ApiKey" value="value"/>}. */
  private static final Shape KEY_VALUE_ATTRIBUTES = new Shape(Pattern.compile(
      "(?i)\\b(?:key|name)\\s*=\\s*[\"']([A-Za-z0-9_.:\\-]+)[\"']\\s+value\\s*=\\s*([\"'])([^\"'\\s]+)\\2"), 1, 3, false);
  /** {@code --password=value}, {@code --token "value"}, {@code "--requirepass", "value"}. */
  private static final Shape CLI_FLAG = new Shape(Pattern.compile(
      "(?<![A-Za-z0-9_-])--([a-z][a-z0-9-]*)(?:=|\\s+|[\"']\\s*,\\s*)([\"']?)([^\\s\"'\\\\]+)\\2"), 1, 3, false);
  /** {@code Password=value;} in connection strings and {@code ?password=value} in URLs. */
  private static final Shape CONNECTION_STRING = new Shape(Pattern.compile(
      "(?i)(?<=[;\"'\\s?&])(password|passwd|pwd|token|api_?key|access_token|secret|client_secret|sig|sharedaccesskey)=([^;&\"'\\s<>]+)"
          + "(?=[;&\"'\\s]|$)"), 1, 2, false);
  /** PHP {@code define('DB_PASSWORD', 'value')}. */
  private static final Shape DEFINE = new Shape(Pattern.compile(
      "define\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\\s*,\\s*(['\"])([^'\"\\s]+)\\2"), 1, 3, false);
  /** {@code KEY=value} and {@code key: value} in configuration files and scripts. */
  private static final Shape UNQUOTED = new Shape(Pattern.compile(
      "^\\s*(?:export\\s+|ENV\\s+|ARG\\s+|set\\s+|-\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*"
          + "([^\\s\"'#`][^\\s]*)\\s*(?:\\s#.*)?$"), 1, 2, false);

  /** {@code machine host login me password value} in {@code .netrc}. */
  private static final Shape NETRC = new Shape(Pattern.compile("(?<![A-Za-z])(password|passwd)\\s+(\\S+)"), 1, 2, false);

  private static final List<Shape> EVERYWHERE =
      List.of(QUOTED, CALL, KEYED_CALL, XML_ELEMENT, KEY_VALUE_ATTRIBUTES, CLI_FLAG, CONNECTION_STRING, DEFINE);
  private static final Set<String> UNQUOTED_EXTENSIONS =
      Set.of("env", "properties", "ini", "cfg", "conf", "yaml", "yml", "toml", "sh", "bash", "zsh", "envrc", "tfvars");

  private final SecretValues values;

  GenericAssignments(SecretValues values) {
    this.values = values;
  }

  /** Adds the secrets of the file that do not overlap what {@code found} already holds. */
  void find(SourceFile file, List<SecretDetector.Match> found) {
    List<Shape> shapes = shapes(file);
    for (int line = 1; line <= file.lineCount(); line++) {
      int offset = file.lineStart(line);
      String text = file.line(line);
      for (Shape shape : shapes) {
        Matcher m = shape.pattern().matcher(text);
        while (m.find()) {
          int start = offset + m.start(shape.value());
          int end = offset + m.end(shape.value());
          if (values.isSecretName(m.group(shape.key()), shape.method())
              && values.looksLikeSecret(m.group(shape.key()), m.group(shape.value()))
              && !SecretDetector.overlaps(found, start, end)) {
            found.add(new SecretDetector.Match(RULE, Severity.HIGH, "Secret assigned a literal value", start, end, 0));
          }
        }
      }
    }
  }

  /**
   * Every value given to a secret name, whatever it looks like, as {start, end, keep}: masked in
   * snippets so that a code finding's line does not show a weak password either.
   */
  List<int[]> valueSpans(SourceFile file) {
    List<int[]> spans = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>(EVERYWHERE);
    shapes.add(UNQUOTED);
    for (int line = 1; line <= file.lineCount(); line++) {
      int offset = file.lineStart(line);
      for (Shape shape : shapes) {
        Matcher m = shape.pattern().matcher(file.line(line));
        while (m.find()) {
          if (values.isSecretName(m.group(shape.key()), shape.method())) {
            spans.add(new int[] {offset + m.start(shape.value()), offset + m.end(shape.value()), 0});
          }
        }
      }
    }
    return spans;
  }

  private static List<Shape> shapes(SourceFile file) {
    boolean unquoted = UNQUOTED_EXTENSIONS.contains(file.extension()) || file.name().startsWith(".env")
        || (file.name().startsWith(".") && file.name().indexOf('.', 1) < 0)
        || file.name().equals("Dockerfile") || file.name().startsWith("Dockerfile.");
    if (!unquoted) {
      return EVERYWHERE;
    }
    List<Shape> shapes = new ArrayList<>(EVERYWHERE);
    shapes.add(UNQUOTED);
    if (file.name().equals(".netrc") || file.name().equals("_netrc")) {
      shapes.add(NETRC);
    }
    return shapes;
  }
}
