package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a story's text against every criterion, estimates it and flags security-sensitive
 * topics. Deterministic and without I/O: the same text and the same other stories give the same
 * analysis. The work is linear in the length of the text.
 */
@Component
class FeasibilityAnalyzer {

  private final List<QualityCheck> checks = List.of(new WellFormedCheck(), new AtomicCheck(), new MinimalCheck(),
      new AmbiguityCheck(), new ProblemOrientedCheck(), new EstimableCheck(), new CriteriaCheck(),
      new DependencyCheck());
  private final UniquenessCheck uniqueness = new UniquenessCheck();
  private final SecuritySensitivity security = new SecuritySensitivity();
  private final Estimator estimator = new Estimator();

  Analysis analyze(StoryText story, StoryCorpus others) {
    List<Finding> findings = new ArrayList<>();
    checks.forEach(check -> findings.addAll(check.check(story)));
    findings.addAll(uniqueness.check(story, others));
    findings.sort(Comparator.comparing(Finding::criterion));
    SecuritySensitivity.Profile profile = security.of(story);
    return new Analysis(List.copyOf(findings), estimator.estimate(story, findings, profile), profile, others.size());
  }
}
