package dev.storyflow.securityscan;

import java.util.Locale;

/** How bad a finding is; the gate counts findings per severity. */
public enum Severity {
  CRITICAL("error", "9.5"),
  HIGH("error", "8.0"),
  MEDIUM("warning", "5.5"),
  LOW("note", "2.0");

  private final String sarifLevel;
  private final String securitySeverity;

  Severity(String sarifLevel, String securitySeverity) {
    this.sarifLevel = sarifLevel;
    this.securitySeverity = securitySeverity;
  }

  /** The SARIF {@code level} of results with this severity. */
  String sarifLevel() {
    return sarifLevel;
  }

  /** The {@code security-severity} rule property (a CVSS-like score) that code hosts read. */
  String securitySeverity() {
    return securitySeverity;
  }

  /** The key used in the report's {@code counts}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Severity of an external SARIF result: its {@code security-severity} if any, else its level. */
  static Severity ofSarif(String level, String securitySeverity) {
    if (securitySeverity != null) {
      try {
        double score = Double.parseDouble(securitySeverity);
        return score >= 9 ? CRITICAL : score >= 7 ? HIGH : score >= 4 ? MEDIUM : LOW;
      } catch (NumberFormatException e) {
        // fall back to the level
      }
    }
    return switch (level == null ? "warning" : level) {
      case "error" -> HIGH;
      case "note", "none" -> LOW;
      default -> MEDIUM;
    };
  }
}
