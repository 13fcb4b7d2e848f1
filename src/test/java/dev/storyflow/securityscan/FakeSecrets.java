package dev.storyflow.securityscan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.Set;

/**
 * Makes fake secrets at test time, so that the repository holds no string in a real provider's
 * format (code hosts' push protection would reject it, and none is a real credential). The corpus
 * has placeholders {@code %%FAKE:type%%}; each becomes a random value of that type, the same on
 * every run (seeded from the file and the placeholder's position).
 */
final class FakeSecrets {

  /** Types that are planted secrets; the others are look-alikes that must not be reported. */
  static final Set<String> PLANTED = Set.of("aws-key-id", "aws-secret", "gcp-api-key", "github-pat", "github-fine-grained",
      "gitlab-pat", "slack-bot", "slack-user", "slack-webhook", "discord-webhook", "telegram-bot", "stripe-live",
      "npm-token", "sendgrid", "openai", "jwt", "rsa-private-key", "openssh-private-key", "ec-private-key",
      "gcp-service-account-key", "azure-key", "password", "hex-api-key", "url-password", "bearer", "django-secret",
      "huggingface");

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String BASE64 = ALNUM + "+/";
  private static final String URLSAFE = ALNUM + "-_";
  private static final String HEX = "0123456789abcdef";

  private final Random random;

  FakeSecrets(long seed) {
    this.random = new Random(seed);
  }

  String make(String type) {
    return switch (type) {
      case "aws-key-id" -> "AKIA" + chars(UPPER + DIGITS, 16);
      case "aws-secret" -> chars(BASE64, 40);
      case "aws-key-id-example" -> "AKIA" + chars(UPPER + DIGITS, 9) + "EXAMPLE";
      case "aws-secret-example" -> chars(BASE64, 30) + "EXAMPLEKEY";
      case "gcp-api-key" -> "AI" + "za" + chars(URLSAFE, 35);
      case "github-pat" -> "gh" + "p_" + chars(ALNUM, 36);
      case "github-fine-grained" -> "github" + "_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
      case "gitlab-pat" -> "gl" + "pat-" + chars(URLSAFE, 20);
      case "slack-bot" -> "xo" + "xb-" + chars(DIGITS, 12) + "-" + chars(DIGITS, 13) + "-" + chars(ALNUM, 24);
      case "slack-user" -> "xo" + "xp-" + chars(DIGITS, 12) + "-" + chars(DIGITS, 12) + "-" + chars(DIGITS, 13) + "-" + chars(HEX, 32);
      case "slack-webhook" -> "https://hooks.slack" + ".com/services/T" + chars(UPPER + DIGITS, 10) + "/B"
          + chars(UPPER + DIGITS, 10) + "/" + chars(ALNUM, 24);
      case "discord-webhook" -> "https://discord" + ".com/api/webhooks/" + chars(DIGITS, 18) + "/" + chars(URLSAFE, 68);
      case "telegram-bot" -> chars(DIGITS, 10) + ":AA" + chars(URLSAFE, 33);
      case "stripe-live" -> "sk" + "_live_" + chars(ALNUM, 32);
      case "stripe-test" -> "sk" + "_test_" + chars(ALNUM, 32);
      case "npm-token" -> "np" + "m_" + chars(ALNUM, 36);
      case "sendgrid" -> "S" + "G." + chars(URLSAFE, 22) + "." + chars(URLSAFE, 43);
      case "openai" -> "sk-" + "proj-" + chars(URLSAFE, 40) + "T3Blbk" + "FJ" + chars(URLSAFE, 40);
      case "huggingface" -> "h" + "f_" + chars(UPPER + LOWER, 34);
      case "jwt" -> jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
          "{\"sub\":\"" + chars(DIGITS, 9) + "\",\"role\":\"admin\",\"iat\":" + (1_700_000_000L + random.nextInt(10_000_000)) + "}");
      case "jwt-doc-example" -> jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
          "{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");
      case "rsa-private-key" -> pem("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 25);
      case "openssh-private-key" -> pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA", 7);
      case "ec-private-key" -> pem("EC PRIVATE KEY", "MHcCAQEEI", 3);
      case "gcp-service-account-key" -> pem("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 25).replace("\n", "\\n");
      case "public-key" -> "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A" + lines(6) + "\n-----END PUBLIC KEY-----";
      case "certificate" -> "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE" + lines(12) + "\n-----END CERTIFICATE-----";
      case "azure-key" -> chars(BASE64, 86) + "==";
      case "password" -> chars(UPPER, 2) + chars(LOWER, 4) + chars("!#%&*+-=?@^_", 2) + chars(DIGITS, 3) + chars(ALNUM, 5);
      case "django-secret" -> chars(LOWER + DIGITS + "!@#%^&*(-_=+)", 50);
      case "hex-api-key" -> chars(HEX, 32);
      case "url-password" -> chars(ALNUM, 20);
      case "bearer" -> chars(URLSAFE, 40);
      case "sha256" -> chars(HEX, 64);
      case "sha1" -> chars(HEX, 40);
      case "base64-blob" -> chars(BASE64, 120);
      default -> throw new IllegalArgumentException("Unknown fake secret type " + type);
    };
  }

  private String jwt(String header, String payload) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + chars(URLSAFE, 43);
  }

  private String pem(String label, String start, int bodyLines) {
    return "-----BEGIN " + label + "-----\n" + start + chars(BASE64, 64 - start.length()) + lines(bodyLines)
        + "\n" + chars(BASE64, 40) + "=\n-----END " + label + "-----";
  }

  private String lines(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append('\n').append(chars(BASE64, 64));
    }
    return out.toString();
  }

  private String chars(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
