package dev.storyflow.engineer;

/**
 * Masks the secrets in text that Storyflow did not write itself (what an agent or a build
 * printed, and the reasons quoting it) before it is stored or shown: each secret value becomes
 * {@code ********}, the rest of the text stays. The security scan's secret detector does it.
 */
public interface SecretMask {

  /** What is stored and shown instead of a text whose secrets could not be masked. */
  String WITHHELD = "[storyflow: text withheld: its secrets could not be masked]";

  /**
   * The text with its secret values masked; {@link #WITHHELD} when masking fails, never the text
   * as it was. {@code null} stays {@code null}.
   */
  String mask(String text);
}
