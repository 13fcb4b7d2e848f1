package dev.storyflow.feasibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;

/**
 * The dictionary form of a word ("metrics" → "metric", "criteria" → "criterion", "easier" → "easy")
 * from the Apache OpenNLP statistical lemmatizer with the English UD-EWT model that Apache publishes
 * on Maven Central ({@code org.apache.opennlp:opennlp-models-lemmatizer-en}). Lemmatizing a whole
 * sentence costs about 0.2 ms a word here (a beam search over the sentence), most of a story's budget,
 * so the checks ask only for the few words they need, one word with its part-of-speech tag at a time
 * (about 0.04 ms a word). The model is loaded once; a lemmatizer is not thread-safe, so each thread
 * gets its own.
 */
final class Lemmas {

  static final String MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  private static final LemmatizerModel LEMMA_MODEL = load();
  private static final ThreadLocal<LemmatizerME> LEMMATIZER = ThreadLocal.withInitial(() -> new LemmatizerME(LEMMA_MODEL));

  private Lemmas() {
  }

  /**
   * The lemma of {@code word} read as {@code tag} (a Universal Dependencies tag such as {@code NOUN}),
   * in lower case; the word itself when the model has no better answer.
   */
  static String of(String word, String tag) {
    String lower = word.toLowerCase(Locale.ROOT);
    String lemma = LEMMATIZER.get().lemmatize(new String[] {lower}, new String[] {tag})[0];
    return lemma == null || lemma.isEmpty() || "O".equals(lemma) ? lower : lemma;
  }

  /** Whether the noun is a plural form: its lemma differs from it ("metrics", "children", not "analysis"). */
  static boolean isPlural(String noun) {
    return !of(noun, "NOUN").equals(noun.toLowerCase(Locale.ROOT));
  }

  private static LemmatizerModel load() {
    try (InputStream in = Lemmas.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("The lemmatizer model " + MODEL + " is not on the classpath "
            + "(org.apache.opennlp:opennlp-models-lemmatizer-en)");
      }
      return new LemmatizerModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
