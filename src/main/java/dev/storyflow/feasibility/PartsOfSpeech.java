package dev.storyflow.feasibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Part-of-speech tags (Universal Dependencies: {@code VERB}, {@code NOUN}, {@code ADJ}, …) from the
 * Apache OpenNLP perceptron tagger with the English UD-EWT model that Apache publishes on Maven
 * Central ({@code org.apache.opennlp:opennlp-models-pos-en}). The model is loaded once and shared; a
 * tagger is not thread-safe, so each thread gets its own. Tagging is linear in the number of words
 * (about 0.2 ms for the means of a story).
 */
final class PartsOfSpeech {

  static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private static final POSModel POS_MODEL = load();
  private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS_MODEL));

  private PartsOfSpeech() {
  }

  /** The tag of each token, in order. */
  static String[] tag(String[] tokens) {
    return tokens.length == 0 ? new String[0] : TAGGER.get().tag(tokens);
  }

  private static POSModel load() {
    try (InputStream in = PartsOfSpeech.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("The part-of-speech model " + MODEL + " is not on the classpath "
            + "(org.apache.opennlp:opennlp-models-pos-en)");
      }
      return new POSModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
