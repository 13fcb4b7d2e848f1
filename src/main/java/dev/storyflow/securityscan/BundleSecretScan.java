package dev.storyflow.securityscan;

import dev.storyflow.deployment.BundleSecretCheck;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The security scan's secret detector, run over every file of a deployment bundle: the bundle
 * validation finds the same secrets as the security self-check, and names them without their
 * values.
 */
@Component
class BundleSecretScan implements BundleSecretCheck {

  private final SecretDetector detector;

  BundleSecretScan(SecurityScanProperties properties) {
    this.detector = new SecretDetector(properties.minEntropy());
  }

  @Override
  public List<Finding> scan(String file, String content) {
    SourceFile source = SourceFile.of(file, content);
    return detector.find(source).stream()
        .map(match -> new Finding(source.lineOf(match.start()),
            match.message() + " (" + match.rule() + "): reference it from a secret store or the environment instead"))
        .toList();
  }
}
