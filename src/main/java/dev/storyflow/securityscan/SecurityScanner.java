package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans a workspace directory: chooses the files ({@link ScanScope}), finds secrets
 * ({@link SecretDetector}), insecure code ({@link CodePatterns}, {@link PmdScanner}), merges the
 * external scanners' SARIF ({@link ExternalScanners}) and applies the allow-list. Plain Java, so
 * that tests and benchmarks run it without Spring.
 */
final class SecurityScanner {

  static final String TOOL = "storyflow";

  /** One scanner that took part, and how it went. */
  record ToolRun(String name, String version, boolean ok, String message) {
  }

  /**
   * What a scan found.
   *
   * @param findings every finding, the suppressed ones included, most severe first
   * @param rules description of each rule that found something
   */
  record Result(ScanScope.Selection selection, int filesScanned, List<Finding> findings, List<ToolRun> tools,
      Map<String, String> rules, Instant startedAt, Duration duration) {

    List<Finding> active() {
      return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    List<Finding> suppressed() {
      return findings.stream().filter(Finding::suppressed).toList();
    }
  }

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private final SecurityScanProperties properties;
  private final SecretDetector secrets;
  private final CodePatterns patterns = new CodePatterns();
  private final PmdScanner pmd = new PmdScanner();
  private final ExternalScanners external;

  SecurityScanner(SecurityScanProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.secrets = new SecretDetector(properties.minEntropy());
    this.external = new ExternalScanners(properties.scanners(), json, secrets);
  }

  SecretDetector secrets() {
    return secrets;
  }

  Result scan(Path workspace) {
    Instant started = Instant.now();
    Path root = workspace.toAbsolutePath().normalize();
    ScanScope.Selection selection = new ScanScope(properties.scope(), properties.baseRef()).select(root);
    Set<String> own = Set.of(properties.allowListFile(), properties.sarifFile());
    Map<String, SourceFile> files = new LinkedHashMap<>();
    for (String path : selection.files()) {
      if (!own.contains(path)) {
        read(root, path).ifPresent(f -> files.put(path, f));
      }
    }
    Map<String, List<int[]>> masks = new HashMap<>();
    Map<String, String> rules = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    for (SourceFile file : files.values()) {
      List<SecretDetector.Match> found = secrets.find(file);
      List<int[]> spans = secrets.maskSpans(file, found);
      masks.put(file.path(), spans);
      for (SecretDetector.Match m : found) {
        int line = file.lineOf(m.start());
        findings.add(new Finding(m.rule(), true, m.severity(), TOOL, file.path(), line, file.maskedLine(line, spans),
            m.message() + " committed in the source; remove it from the branch and rotate it", null));
        rules.put(m.rule(), m.message());
      }
      if (patterns.applies(file)) {
        for (CodePatterns.Hit hit : patterns.scan(file)) {
          findings.add(new Finding(hit.rule().id(), false, hit.rule().severity(), TOOL, file.path(), hit.line(),
              file.maskedLine(hit.line(), spans), hit.rule().description(), null));
          rules.put(hit.rule().id(), hit.rule().description());
        }
      }
    }
    List<ToolRun> tools = new ArrayList<>();
    tools.add(new ToolRun(TOOL, "1.0", true, files.size() + " file(s) read"));
    if (properties.pmd()) {
      tools.add(runPmd(files, masks, findings, rules));
    }
    for (ExternalScanners.Run run : external.run(root, List.copyOf(files.keySet()), path -> files.getOrDefault(path,
        read(root, path).orElse(null)))) {
      tools.add(new ToolRun(run.name(), run.version(), run.ok(), run.message()));
      findings.addAll(run.findings());
      rules.putAll(run.rules());
    }
    AllowList allow = AllowList.load(root, properties.allowListFile(), properties.inlineMarker());
    List<Finding> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Finding f : findings) {
      if (seen.add(f.rule() + "\u0000" + f.file() + "\u0000" + f.line())) {
        result.add(allow.reason(f, files.get(f.file())).map(f::suppressedBy).orElse(f));
      }
    }
    result.sort(Comparator.comparing(Finding::suppressed).thenComparing(Finding::severity)
        .thenComparing(Finding::file).thenComparingInt(Finding::line));
    return new Result(selection, files.size(), result, tools, rules, started, Duration.between(started, Instant.now()));
  }

  private ToolRun runPmd(Map<String, SourceFile> files, Map<String, List<int[]>> masks, List<Finding> findings,
      Map<String, String> rules) {
    List<SourceFile> java = files.values().stream().filter(f -> f.extension().equals("java")).toList();
    try {
      PmdScanner.Result result = pmd.scan(java);
      for (PmdScanner.Violation v : result.violations()) {
        SourceFile file = files.get(v.file());
        List<int[]> spans = new ArrayList<>(masks.getOrDefault(v.file(), List.of()));
        if (v.rule().contains("HardCoded") || v.rule().contains("CryptoIv")) {
          Matcher m = STRING_LITERAL.matcher(file.line(v.line()));
          while (m.find()) {
            spans.add(new int[] {file.lineStart(v.line()) + m.start(), file.lineStart(v.line()) + m.end(), 0});
          }
        }
        findings.add(new Finding(v.rule(), false, v.severity(), "pmd", v.file(), v.line(),
            file.maskedLine(v.line(), spans), v.message(), null));
      }
      rules.putAll(result.rules());
      String message = java.size() + " Java file(s) analysed"
          + (result.errors().isEmpty() ? "" : "; could not parse: " + String.join(", ", result.errors()));
      return new ToolRun("pmd", PmdScanner.version(), result.errors().isEmpty(), message);
    } catch (RuntimeException e) {
      return new ToolRun("pmd", PmdScanner.version(), false, "failed: " + e.getClass().getSimpleName());
    }
  }

  private java.util.Optional<SourceFile> read(Path root, String relative) {
    Path file = root.resolve(relative).normalize();
    try {
      if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) > properties.maxFileSize().toBytes()) {
        return java.util.Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
        if (bytes[i] == 0) {
          return java.util.Optional.empty();
        }
      }
      return java.util.Optional.of(SourceFile.of(relative, new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
