package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.engineer.SecretMask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking what an agent or a build prints: each secret of the corpus's shapes is replaced by
 * {@code ********} (a provider's public prefix kept), every other character of the log stays, also
 * in an agent's JSON output; a text that cannot be masked is withheld.
 */
class LogSecretMaskTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretMask mask = new LogSecretMask(new SecretDetector(SecretValues.DEFAULT_MIN_ENTROPY)::maskLog);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "aws-key-id   | 4",
      "gcp-api-key  | 4",
      "github-pat   | 4",
      "gitlab-pat   | 6",
      "slack-bot    | 5",
      "stripe-live  | 8",
      "npm-token    | 4",
      "sendgrid     | 3",
      "openai       | 3",
      "huggingface  | 3",
      "jwt          | 0",
      "telegram-bot | 0"})
  void providerTokenInALogLineIsMaskedKeepingItsPrefixAndTheLine(String type, int prefix) {
    // given
    String token = new FakeSecrets(type.hashCode()).make(type);
    String log = "[INFO] Deploying orders 1.4.2\n[DEBUG] using credential " + token + " for the upload\n[INFO] done\n";

    // when
    String masked = mask.mask(log);

    // then
    assertThat(masked).isEqualTo("[INFO] Deploying orders 1.4.2\n[DEBUG] using credential "
        + token.substring(0, prefix) + "******** for the upload\n[INFO] done\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "url-password | Connecting to postgres://orders:@@@db.internal:5432/orders ...",
      "bearer       | > Authorization: Bearer @@",
      "password     | spring.datasource.password=@@",
      "password     | export DB_PASSWORD=@@",
      "url-password | + mysql --password=@@ orders",
      "url-password | jdbc:mysql://db:3306/app?user=app&password=@@ refused",
      "password     | Caused by: ConfigException: apiKey: \"@@\" is not valid"})
  void secretGivenInALogLineIsMaskedAndTheLineKept(String type, String line) {
    // given
    String secret = new FakeSecrets(line.hashCode()).make(type);
    String log = "  at com.acme.orders.Client.connect(Client.java:42)\n" + line.replace("@@", secret) + "\n";

    // when
    String masked = mask.mask(log);

    // then
    assertThat(masked).isEqualTo("  at com.acme.orders.Client.connect(Client.java:42)\n"
        + line.replace("@@", "********") + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rsa-private-key", "openssh-private-key", "ec-private-key"})
  void privateKeyBlockIsMaskedBetweenItsMarkers(String type) {
    // given
    String key = new FakeSecrets(type.hashCode()).make(type);
    String label = key.lines().findFirst().orElseThrow();
    String end = key.lines().reduce((first, second) -> second).orElseThrow();

    // when
    String masked = mask.mask("wrote the key:\n" + key + "\nnext step\n");

    // then
    assertThat(masked).isEqualTo("wrote the key:\n" + label + "********" + end + "\nnext step\n");
  }

  @Test
  void logWithoutSecretsIsKeptAsItIs() {
    // given commit ids, hashes, paths, a stack trace, a test report and words like password
    String log = """
        [INFO] Building orders 1.4.2 (commit 3f2b8c1e9a4d4e7fb6c51d2e3f4a5b6c7d8e9f01)
        [INFO] Downloaded org/springframework/spring-core/6.2.1/spring-core-6.2.1.jar (sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08)
        [ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0
        [ERROR] PasswordResetTest.expiredLinkIsRefused:42 expected: <410> but was: <200>
        \tat com.acme.orders.PasswordReset.check(PasswordReset.java:87)
            at java.base/java.lang.Thread.run(Thread.java:1583)
        password reset link sent to ${EMAIL}; token: ${RESET_TOKEN}
        C:\\build\\orders\\target\\surefire-reports\\TEST-com.acme.orders.PasswordResetTest.xml
        """;

    // when / then
    assertThat(mask.mask(log)).isEqualTo(log);
  }

  @Test
  void secretsInsideAnAgentsJsonOutputAreMaskedAndTheJsonStillReads() throws Exception {
    // given Claude Code's envelope, whose result text holds secrets after escaped line breaks and in escaped quotes
    FakeSecrets fakes = new FakeSecrets(11);
    String token = fakes.make("github-pat");
    String key = fakes.make("aws-key-id");
    String password = fakes.make("password");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "result");
    envelope.put("subtype", "success");
    envelope.put("is_error", false);
    envelope.put("result", "Done.\n" + token + "\nThe client reads apiKey: \"" + password + "\"\n"
        + "```json\n{\"summary\": \"uses\\n" + key + "\"}\n```");
    envelope.put("session_id", "b1f0c1de-2f7a-4c55-9e0b-8f1d2c3b4a59");
    String stdout = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);

    // when
    String masked = mask.mask(stdout);

    // then
    assertThat(masked).doesNotContain(token, key, password).contains("b1f0c1de-2f7a-4c55-9e0b-8f1d2c3b4a59");
    JsonNode read = JSON.readTree(masked);
    assertThat(read.path("result").asText()).isEqualTo("Done.\nghp_********\nThe client reads apiKey: \"********\"\n"
        + "```json\n{\"summary\": \"uses\\nAKIA********\"}\n```");
    assertThat(read.path("is_error").asBoolean()).isFalse();
  }

  @Test
  void textThatCannotBeMaskedIsWithheld() {
    // given
    SecretMask failing = new LogSecretMask(text -> {
      throw new IllegalStateException("detector broke on " + text);
    });
    SecretMask overflowing = new LogSecretMask(text -> {
      throw new StackOverflowError();
    });
    String secret = new FakeSecrets(5).make("github-pat");

    // when / then
    assertThat(failing.mask("token " + secret)).isEqualTo(SecretMask.WITHHELD);
    assertThat(overflowing.mask("token " + secret)).isEqualTo(SecretMask.WITHHELD);
  }

  @Test
  void nothingToMaskStaysNothing() {
    assertThat(mask.mask(null)).isNull();
    assertThat(mask.mask("")).isEmpty();
  }
}
