package dev.storyflow.securityscan;

import dev.storyflow.engineer.SecretMask;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret detector run over an agent's or a build's output ({@link SecretDetector#maskLog}).
 * Fails closed: a text the detector cannot get through (an exception, a regular expression
 * overflowing the stack) is withheld, never passed on as it was.
 */
class LogSecretMask implements SecretMask {

  private static final Logger LOG = LoggerFactory.getLogger(LogSecretMask.class);

  private final UnaryOperator<String> masking;

  /** @param masking masks one text, e.g. {@code detector::maskLog} */
  LogSecretMask(UnaryOperator<String> masking) {
    this.masking = masking;
  }

  @Override
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      return masking.apply(text);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("Withheld a text of {} characters: its secrets could not be masked ({})", text.length(),
          e.getClass().getName());
      return WITHHELD;
    }
  }
}
