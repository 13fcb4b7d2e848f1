package dev.storyflow.securityscan;

import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.WorkspaceProvider;
import dev.storyflow.lifecycle.StoryVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One security check of a story: checks out its workspace, scans it, asks the gate for a verdict,
 * writes the SARIF into the workspace and returns the {@code securityScan} report. Without a
 * workspace (no workspace support, or a story without a repository) nothing is scanned and the
 * gate says REVIEW, so the security expert knows the code was not checked.
 */
@Component
class SecurityCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityCheck.class);

  /** The verdict and the report of one check. */
  record Outcome(SecurityGate.Verdict verdict, Map<String, Object> report) {
  }

  private final SecurityScanner scanner;
  private final SecurityGate gate;
  private final ScanReport reports;
  private final SarifLog sarif;
  private final ObjectProvider<WorkspaceProvider> workspaces;
  private final SecurityScanProperties properties;

  SecurityCheck(SecurityScanner scanner, SecurityGate gate, ScanReport reports, SarifLog sarif,
      ObjectProvider<WorkspaceProvider> workspaces, SecurityScanProperties properties) {
    this.scanner = scanner;
    this.gate = gate;
    this.reports = reports;
    this.sarif = sarif;
    this.workspaces = workspaces;
    this.properties = properties;
  }

  Outcome run(StepRequest request) {
    boolean sensitive = reports.read(request.variables().get(StoryVariables.FEASIBILITY))
        .map(f -> f.path("securitySensitive").asBoolean(false)).orElse(false);
    WorkspaceProvider provider = workspaces.getIfAvailable();
    Optional<Path> workspace = provider == null ? Optional.empty() : provider.checkout(request);
    if (workspace.isEmpty()) {
      SecurityGate.Verdict verdict = gate.decide(ScanReport.Counts.none(), sensitive);
      String why = provider == null
          ? "This Storyflow has no workspace support, so the story branch was not scanned."
          : "The story has no repository, so there was no branch to scan.";
      LOG.info("Security scan of story {}: nothing scanned ({}), verdict {}", request.storyId(),
          provider == null ? "no workspace support" : "no repository", verdict.value());
      return new Outcome(verdict, reports.unscanned(verdict, sensitive, why));
    }
    SecurityScanner.Result result = scanner.scan(workspace.get());
    ScanReport.Counts counts = ScanReport.Counts.of(result);
    SecurityGate.Verdict verdict = gate.decide(counts, sensitive);
    Map<String, Object> report = reports.of(result, counts, verdict, sensitive, properties.sarifFile(),
        properties.maxFindings());
    writeSarif(workspace.get(), report);
    LOG.info("Security scan of story {}: verdict {}, {} file(s), {} finding(s) ({} secret(s)), {} allowed, {} ms",
        request.storyId(), verdict.value(), result.filesScanned(), result.active().size(), counts.secrets(),
        counts.suppressed(), result.duration().toMillis());
    return new Outcome(verdict, report);
  }

  private void writeSarif(Path workspace, Map<String, Object> report) {
    Path root = workspace.toAbsolutePath().normalize();
    Path file = root.resolve(properties.sarifFile()).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalStateException("storyflow.security.sarif-file must stay inside the workspace");
    }
    try {
      Files.createDirectories(file.getParent());
      Path ignore = file.getParent().resolve(".gitignore");
      if (file.getParent().getFileName().toString().equals(".storyflow") && !Files.exists(ignore)) {
        Files.writeString(ignore, "# Storyflow's reports: never committed\n*\n", StandardCharsets.UTF_8);
      }
      Files.writeString(file, sarif.write(reports.read(report).orElseThrow()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the SARIF report", e);
    }
  }
}
