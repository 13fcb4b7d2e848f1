package dev.storyflow.feasibility;

import java.util.List;

/**
 * What the analyzer found in one story.
 *
 * @param findings every finding, in criterion order
 * @param estimate the story-point estimate
 * @param security the security sensitivity
 * @param comparedWith how many other stories the story was compared with for uniqueness
 */
record Analysis(List<Finding> findings, Estimator.Estimate estimate, SecuritySensitivity.Profile security,
    int comparedWith) {

  long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
