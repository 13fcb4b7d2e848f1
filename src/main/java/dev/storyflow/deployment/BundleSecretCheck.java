package dev.storyflow.deployment;

import java.util.List;

/**
 * Looks for secret values written into a bundle file. The validator runs every bean of this type
 * over every file of the bundle; a finding fails the bundle. Findings never carry the value.
 */
public interface BundleSecretCheck {

  /**
   * One secret value found.
   *
   * @param line 1-based line
   * @param message what was found and what to do instead, without the value
   */
  record Finding(int line, String message) {
  }

  /**
   * @param file the file's path relative to the workspace, e.g. {@code deploy/compose.yaml}
   * @param content the file's text
   */
  List<Finding> scan(String file, String content);
}
