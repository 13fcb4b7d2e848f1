package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.deployment.BundleSecretCheck.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InlineSecretCheckTest {

  final InlineSecretCheck check = new InlineSecretCheck(DeploymentProperties.defaults());

  @ParameterizedTest
  @ValueSource(strings = {
      "      POSTGRES_PASSWORD: example-password",
      "  - DB_PASSWORD=changeit",
      "API_TOKEN=abc123",
      "# STRIPE_API_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "ENV JWT_SECRET=not-so-secret",
      "ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI",
      "ARG NPM_TOKEN=npm_abcdef",
      "    password: 'hunter2' # for now",
      "url: jdbc:postgresql://app:pa55word@db:5432/app",
      "REDIS_URL=redis://:s3cret@redis:6379",
      "-----BEGIN RSA PRIVATE KEY-----",
      "    signing: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
  })
  void findsSecretValues(String line) {
    List<Finding> findings = check.scan("deploy/file", line + "\n");
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(1));
    assertThat(findings.get(0).message()).doesNotContain("hunter2", "pa55word", "s3cret", "changeit");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}",
      "DB_PASSWORD=",
      "# DB_PASSWORD=",
      "          password: ${{ secrets.REGISTRY_PASSWORD }}",
      "                secretKeyRef:",
      "                  name: payments-secrets",
      "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
      "    secretName: payments-tls",
      "# read by src/main/resources/application.yaml (secret)",
      "      - uses: actions/checkout@8ade135a41bc03ea155e62e3c5b9b8b2b8a8d3c9",
      "HEALTHCHECK CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1",
      "url: jdbc:postgresql://postgres:5432/storyflow",
      "ENV JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75",
  })
  void leavesReferencesAndOrdinaryValuesAlone(String line) {
    assertThat(check.scan("deploy/file", line + "\n")).isEmpty();
  }
}
