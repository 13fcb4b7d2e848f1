package dev.storyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheRawBodyWithHmacSha256() {
    // the published HMAC-SHA256 example: key "key", the quick brown fox
    WebhookSignature signature = new WebhookSignature("key");

    String header = signature.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

    assertThat(header).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void anotherSecretOrOneChangedByteGivesAnotherSignature() {
    byte[] body = "{\"event\":\"storyDone\"}".getBytes(StandardCharsets.UTF_8);
    byte[] changed = "{\"event\":\"storyDonE\"}".getBytes(StandardCharsets.UTF_8);

    String signed = new WebhookSignature("s3cret").of(body);

    assertThat(new WebhookSignature("s3cret").of(body)).isEqualTo(signed);
    assertThat(new WebhookSignature("s3cret!").of(body)).isNotEqualTo(signed);
    assertThat(new WebhookSignature("s3cret").of(changed)).isNotEqualTo(signed);
  }

  @Test
  void neverShowsItsSecret() {
    assertThat(new WebhookSignature("s3cret")).asString().doesNotContain("s3cret");
  }
}
