package dev.storyflow.securityscan;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The security scan's settings, under {@code storyflow.security}.
 *
 * @param scope which files are scanned: {@code changed} (since the story branch's base) or {@code all}
 * @param baseRef the story branch's base for scope {@code changed}; empty tries origin/HEAD, origin/main, origin/master, main, master
 * @param allowListFile the allow-list file at the root of the story's repository
 * @param inlineMarker the marker that allows a finding on its line (with {@code -next-line}: on the next line)
 * @param minEntropy minimum Shannon entropy, in bits per character, of a generic password/secret/token value
 * @param maxFileSize files larger than this are not read
 * @param pmd whether Java files go through PMD's security rules and the project rules
 * @param sarifFile where the SARIF report is written, relative to the workspace (git-ignored)
 * @param maxFindings at most this many findings are kept in {@code securityScan} and the SARIF; counts stay exact
 * @param scanners external scanners whose SARIF output is merged
 */
@ConfigurationProperties("storyflow.security")
public record SecurityScanProperties(
    @DefaultValue("changed") Scope scope,
    @DefaultValue("") String baseRef,
    @DefaultValue(".security-allowlist") String allowListFile,
    @DefaultValue("storyflow:allow") String inlineMarker,
    @DefaultValue("3.0") double minEntropy,
    @DefaultValue("1MB") DataSize maxFileSize,
    @DefaultValue("true") boolean pmd,
    @DefaultValue(".storyflow/security.sarif") String sarifFile,
    @DefaultValue("500") int maxFindings,
    List<ExternalScanner> scanners) {

  /** Which files the scan reads. */
  public enum Scope { CHANGED, ALL }

  /**
   * An external scanner that writes SARIF 2.1.0.
   *
   * @param name the name shown in the report (defaults to the SARIF tool name)
   * @param command the command as a list of arguments, never a shell string; whole-argument
   *     placeholders: {@code {workspace}}, {@code {output}} (a file to write SARIF to; without it
   *     SARIF is read from standard output) and {@code {files}} (replaced by the files in scope,
   *     one argument each, as {@code ./path})
   * @param timeout the run is stopped after this long and counts as failed
   */
  public record ExternalScanner(String name, List<String> command, @DefaultValue("5m") Duration timeout) {

    public ExternalScanner {
      command = command == null ? List.of() : List.copyOf(command);
      timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
    }
  }

  public SecurityScanProperties {
    scope = scope == null ? Scope.CHANGED : scope;
    baseRef = baseRef == null ? "" : baseRef;
    allowListFile = allowListFile == null || allowListFile.isBlank() ? ".security-allowlist" : allowListFile;
    inlineMarker = inlineMarker == null ? "storyflow:allow" : inlineMarker;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(1) : maxFileSize;
    sarifFile = sarifFile == null || sarifFile.isBlank() ? ".storyflow/security.sarif" : sarifFile;
    scanners = scanners == null ? List.of() : List.copyOf(scanners);
  }

  /** The defaults, as a scan outside Spring (tests, benchmarks) uses them. */
  public static SecurityScanProperties defaults() {
    return new SecurityScanProperties(Scope.CHANGED, "", ".security-allowlist", "storyflow:allow", 3.0,
        DataSize.ofMegabytes(1), true, ".storyflow/security.sarif", 500, List.of());
  }

  SecurityScanProperties withScope(Scope newScope) {
    return new SecurityScanProperties(newScope, baseRef, allowListFile, inlineMarker, minEntropy, maxFileSize, pmd,
        sarifFile, maxFindings, scanners);
  }

  SecurityScanProperties withScanners(List<ExternalScanner> newScanners) {
    return new SecurityScanProperties(scope, baseRef, allowListFile, inlineMarker, minEntropy, maxFileSize, pmd,
        sarifFile, maxFindings, newScanners);
  }
}
