package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.process.CappedOutput;
import dev.storyflow.process.ChildProcess;
import dev.storyflow.process.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs the configured external scanners and merges their SARIF: each result becomes a finding of
 * that scanner. Commands are argument lists run without a shell ({@link ChildProcess}), in the
 * workspace, with a timeout after which the scanner's whole process group is stopped.
 * Snippets and messages from the outside are masked like everything else; a result whose rule is
 * about secrets counts as a secret.
 */
final class ExternalScanners {

  /** What one scanner run gave: its findings and rule descriptions, or why it failed. */
  record Run(String name, String version, boolean ok, String message, List<Finding> findings, Map<String, String> rules) {
  }

  private static final int MAX_OUTPUT = 64 * 1024 * 1024;
  private static final Pattern SECRET_RULE = Pattern.compile("(?i)secret|credential|password|passwd|token|api[-_ ]?key|private[-_ ]?key");

  private final List<SecurityScanProperties.ExternalScanner> scanners;
  private final ObjectMapper json;
  private final SecretDetector secrets;

  ExternalScanners(List<SecurityScanProperties.ExternalScanner> scanners, ObjectMapper json, SecretDetector secrets) {
    this.scanners = scanners;
    this.json = json;
    this.secrets = secrets;
  }

  List<Run> run(Path root, List<String> files, Function<String, SourceFile> read) {
    List<Run> runs = new ArrayList<>();
    for (SecurityScanProperties.ExternalScanner scanner : scanners) {
      runs.add(runOne(scanner, root, files, read));
    }
    return runs;
  }

  private Run runOne(SecurityScanProperties.ExternalScanner scanner, Path root, List<String> files,
      Function<String, SourceFile> read) {
    String name = scanner.name() == null || scanner.name().isBlank() ? "external" : scanner.name();
    if (scanner.command().isEmpty()) {
      return failed(name, "no command configured");
    }
    Path output = null;
    try {
      output = Files.createTempFile("storyflow-scan-", ".sarif");
      List<String> command = new ArrayList<>();
      for (String arg : scanner.command()) {
        switch (arg) {
          case "{workspace}" -> command.add(root.toString());
          case "{output}" -> command.add(output.toString());
          // ./ in front, so that a file named like an option cannot become one
          case "{files}" -> files.forEach(f -> command.add("./" + f));
          default -> command.add(arg);
        }
      }
      boolean toFile = scanner.command().contains("{output}");
      CappedOutput stdout = new CappedOutput(MAX_OUTPUT);
      ProcessResult result = new ChildProcess(command).directory(root).stdout(toFile ? null : stdout)
          .timeout(scanner.timeout()).run();
      if (result.timedOut()) {
        return failed(name, "timed out after " + scanner.timeout());
      }
      if (result.interrupted()) {
        return failed(name, "interrupted");
      }
      byte[] sarif = toFile ? Files.readAllBytes(output) : stdout.bytes();
      if (sarif.length == 0) {
        return failed(name, "exit code " + result.exitCode() + " and no SARIF output");
      }
      return parse(name, json.readTree(sarif), root, read);
    } catch (IOException e) {
      return failed(name, "could not run or read its SARIF: " + e.getClass().getSimpleName());
    } catch (Exception e) {
      return failed(name, "failed: " + e.getClass().getSimpleName());
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a temporary file; nothing to do
        }
      }
    }
  }

  /** Reads a SARIF log into findings of the scanner {@code name}. */
  Run parse(String name, JsonNode sarif, Path root, Function<String, SourceFile> read) {
    if (!sarif.path("runs").isArray()) {
      return failed(name, "output is not SARIF: no runs");
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, String> rules = new java.util.TreeMap<>();
    String version = null;
    for (JsonNode run : sarif.path("runs")) {
      JsonNode driver = run.path("tool").path("driver");
      version = driver.path("version").asText(driver.path("semanticVersion").asText(null));
      Map<String, JsonNode> ruleMeta = new java.util.HashMap<>();
      for (JsonNode rule : driver.path("rules")) {
        ruleMeta.put(rule.path("id").asText(), rule);
      }
      for (JsonNode result : run.path("results")) {
        String ruleId = result.path("ruleId").asText(result.path("rule").path("id").asText("external"));
        JsonNode meta = ruleMeta.getOrDefault(ruleId, json.createObjectNode());
        String level = result.path("level").asText(meta.path("defaultConfiguration").path("level").asText("warning"));
        String score = meta.path("properties").path("security-severity").asText(null);
        Severity severity = Severity.ofSarif(level, score);
        String tags = meta.path("properties").path("tags").toString();
        boolean secret = SECRET_RULE.matcher(ruleId).find() || tags.toLowerCase(java.util.Locale.ROOT).contains("secret");
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        String file = relative(root, physical.path("artifactLocation").path("uri").asText(""));
        int line = physical.path("region").path("startLine").asInt(1);
        SourceFile source = file.isEmpty() ? null : read.apply(file);
        String snippet;
        if (source != null && line >= 1 && line <= source.lineCount()) {
          snippet = secrets.maskText(source.line(line));
        } else {
          snippet = secrets.maskText(physical.path("region").path("snippet").path("text").asText(""));
        }
        String description = meta.path("shortDescription").path("text").asText(ruleId);
        rules.put(ruleId, secrets.maskText(description));
        String message = secrets.maskText(result.path("message").path("text").asText(description));
        findings.add(new Finding(ruleId, secret, severity, name, file, line,
            snippet, message, null));
      }
    }
    return new Run(name, version, true, findings.size() + " result(s)", findings, rules);
  }

  private static String relative(Path root, String uri) {
    String path = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
    path = java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      Path normalized = p.normalize();
      return normalized.startsWith(root.toAbsolutePath().normalize())
          ? root.toAbsolutePath().normalize().relativize(normalized).toString().replace('\\', '/') : path;
    }
    return p.normalize().toString().replace('\\', '/');
  }

  private static Run failed(String name, String message) {
    return new Run(name, null, false, message, List.of(), Map.of());
  }
}
