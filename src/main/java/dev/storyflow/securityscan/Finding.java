package dev.storyflow.securityscan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One thing the scan found. Never holds a secret value: the snippet is masked before a finding is
 * made, and the fingerprint is computed from the masked snippet.
 *
 * @param rule rule id, e.g. {@code secret.aws-access-key-id} or {@code java.SqlStringConcatenation}
 * @param secret whether the rule finds secrets (the gate blocks on any)
 * @param severity how bad it is
 * @param tool the scanner that found it: {@code storyflow}, {@code pmd} or an external scanner
 * @param file path relative to the workspace, with {@code /}
 * @param line 1-based line
 * @param snippet the line, secrets masked, at most {@link #MAX_SNIPPET} characters
 * @param message what is wrong and what to do
 * @param suppression why it is allowed ({@code null} when it counts)
 */
public record Finding(String rule, boolean secret, Severity severity, String tool, String file, int line,
    String snippet, String message, String suppression) {

  static final int MAX_SNIPPET = 200;

  /** Identifies the finding across scans independently of its line number. */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(String.join("\u0000", rule, file, snippet.strip()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean suppressed() {
    return suppression != null;
  }

  Finding suppressedBy(String reason) {
    return new Finding(rule, secret, severity, tool, file, line, snippet, message, reason);
  }
}
