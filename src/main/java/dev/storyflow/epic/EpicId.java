package dev.storyflow.epic;

import dev.storyflow.story.StoryInput;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Storyflow's id of an epic: {@code v{version}-{title}} in lower case, every run of other
 * characters than letters and digits a single dash, accents dropped, at most 64 characters; e.g.
 * {@code # 🚀 v2.1 Epic: Invoicing & Credit Notes} is {@code v2.1-invoicing-credit-notes}. It
 * follows the rules of story ids, so it is a valid {@code epic} of a story. The same version and
 * title always give the same id: importing the file again is importing the same epic.
 */
final class EpicId {

  static final int MAX_LENGTH = 64;

  private EpicId() {
  }

  /** The id, or empty when the title has no letter or digit to make one from. */
  static Optional<String> of(String version, String title) {
    String slug = slug(title);
    if (slug.isEmpty()) {
      return Optional.empty();
    }
    String id = version == null ? slug : "v" + version.toLowerCase(Locale.ROOT) + "-" + slug;
    if (id.length() > MAX_LENGTH) {
      // cut at the last word that fits whole
      boolean wordEnds = id.charAt(MAX_LENGTH) == '-';
      id = id.substring(0, MAX_LENGTH);
      int lastDash = id.lastIndexOf('-');
      if (!wordEnds && lastDash > id.indexOf('-')) {
        id = id.substring(0, lastDash);
      }
    }
    id = id.replaceAll("[-.]+$", "");
    return StoryInput.isValidId(id) ? Optional.of(id) : Optional.empty();
  }

  private static String slug(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
