package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.deployment.BundleSecretCheck.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment bundle validation uses the security scan's secret detector. */
class BundleSecretScanTest {

  private final BundleSecretScan scan = new BundleSecretScan(SecurityScanProperties.defaults());

  @Test
  void aPlantedCloudKeyInAComposeFileIsFoundWithoutItsValue() {
    String key = new FakeSecrets(7).make("aws-key-id");
    String compose = "services:\n  app:\n    environment:\n      AWS_ACCESS_KEY_ID: " + key + "\n";

    List<Finding> findings = scan.scan("deploy/compose.yaml", compose);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).line()).isEqualTo(4);
    assertThat(findings.get(0).message()).doesNotContain(key).contains("secret store or the environment");
  }

  @Test
  void referencesAndPlaceholdersAreNotSecrets() {
    String compose = "services:\n  app:\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n"
        + "      API_TOKEN: <your-token>\n";

    assertThat(scan.scan("deploy/compose.yaml", compose)).isEmpty();
  }
}
