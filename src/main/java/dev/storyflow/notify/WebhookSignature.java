package dev.storyflow.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook body: {@code X-Storyflow-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * the raw body bytes with the webhook's secret. A receiver computes the same over the bytes it got
 * and compares in constant time.
 */
record WebhookSignature(String secret) {

  static final String HEADER = "X-Storyflow-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  String of(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=***]";
  }
}
