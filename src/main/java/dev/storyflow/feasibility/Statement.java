package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "As a ‹role›, I want ‹means›, so that ‹ends›" statement of a story. Read from the
 * {@code asA}, {@code iWant} and {@code soThat} fields; when a team wrote the whole sentence in one
 * field (or only in the title), it is split there. A wish in the negative ("I don't want to see …", "I do not
 * want …") or restricted ("I only want …") is a means too, and so is a capital "I" that lost its space after the role
 * ("As a DeveloperI want …"). Each part remembers the field it came from.
 *
 * @param role the role, or {@code null}
 * @param means the means (what is wanted), or {@code null}
 * @param ends the ends (why), or {@code null}
 * @param extras text around the template that is none of the three parts
 */
record Statement(Segment role, Segment means, Segment ends, List<Segment> extras) {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern ROLE_MARKER = Pattern.compile(
      "(?<![\\p{L}\\p{N}])as\\s+(?:an?\\s+|the\\s+|my\\s+)?(?=\\S)", FLAGS);
  private static final Pattern MEANS_MARKER = Pattern.compile(
      "(?:(?<![\\p{L}\\p{N}])|(?-i:(?<=\\p{Ll})(?=I)))I(?:\\s+(?:really\\s+|also\\s+|only\\s+|(?:do\\s+not|don['’]t)\\s+)?(?:want|wish|need|expect|require|can|could|would\\s+(?:like|love|want)"
          + "|should\\s+be\\s+able|must\\s+be\\s+able|am\\s+able|will\\s+be\\s+able|would\\s+be\\s+able)|['’]d\\s+(?:like|love)|['’]m\\s+able)"
          + "(?![\\p{L}\\p{N}])", FLAGS);
  private static final Pattern ENDS_MARKER = Pattern.compile(
      "[,;]?\\s*(?<![\\p{L}\\p{N}])(?:so\\s+that|so\\s+(?=(?:I|we|you|they|he|she|it|the|my|our|users?)\\s)"
          + "|in\\s+order\\s+(?:to|that|for))(?![\\p{L}\\p{N}])", FLAGS);
  private static final Pattern ROLE_PREFIX = Pattern.compile("^\\s*as\\s+(?:an?\\s+|the\\s+)?", FLAGS);
  private static final Pattern MEANS_PREFIX = Pattern.compile(
      "^\\s*(?:I\\s+(?:want|would\\s+like|need|wish|can)|I['’]d\\s+like)\\s+", FLAGS);
  private static final Pattern ENDS_PREFIX = Pattern.compile("^\\s*(?:so\\s+that|so|in\\s+order\\s+to)\\s+", FLAGS);
  /** A story id or number before the statement ("US-12:", "#4", "12."), not an extra. */
  private static final Pattern ID_PREFIX = Pattern.compile("^[\\s#*\\-–—(\\[]*[\\p{L}]{0,8}[-_ ]?\\d*[)\\]:.#\\s\\-–—]*$");

  static Statement of(String title, String asA, String iWant, String soThat) {
    if (blank(asA) && blank(iWant)) {
      return blank(title) ? empty() : parse(TITLE, title, soThat);
    }
    if (!blank(asA) && MEANS_MARKER.matcher(asA).find()) {
      return parse(AS_A, asA, soThat);
    }
    if (blank(asA) && ROLE_MARKER.matcher(iWant).lookingAt() && MEANS_MARKER.matcher(iWant).find()) {
      return parse(I_WANT, iWant, soThat);
    }
    Segment role = part(AS_A, strip(ROLE_PREFIX, asA));
    Segment means = part(I_WANT, strip(MEANS_PREFIX, iWant));
    Segment ends = part(SO_THAT, strip(ENDS_PREFIX, soThat));
    if (means != null && ends == null) {
      Matcher m = ENDS_MARKER.matcher(means.text());
      if (m.find() && m.start() > 0) {
        ends = part(I_WANT, means.text().substring(m.end()));
        means = part(I_WANT, means.text().substring(0, m.start()));
      }
    }
    return new Statement(role, means, ends, List.of());
  }

  private static Statement parse(String field, String text, String soThat) {
    Matcher meansMarker = MEANS_MARKER.matcher(text);
    if (!meansMarker.find()) {
      return new Statement(null, null, part(SO_THAT, strip(ENDS_PREFIX, soThat)), List.of());
    }
    List<Segment> extras = new ArrayList<>();
    Segment role = null;
    Matcher roleMarker = ROLE_MARKER.matcher(text);
    int prefixEnd = meansMarker.start();
    if (roleMarker.find() && roleMarker.start() < meansMarker.start()) {
      prefixEnd = roleMarker.start();
      role = part(field, text.substring(roleMarker.end(), meansMarker.start()).replaceAll("[,;:\\s]+$", ""));
    }
    String prefix = text.substring(0, prefixEnd);
    if (!prefix.isBlank() && !ID_PREFIX.matcher(prefix).matches()) {
      extras.add(new Segment(field, null, prefix.trim()));
    }
    String rest = text.substring(meansMarker.end()).replaceFirst("^\\s+", "");
    Segment means;
    Segment ends;
    Matcher endsMarker = ENDS_MARKER.matcher(rest);
    if (endsMarker.find() && endsMarker.start() > 0) {
      means = part(field, rest.substring(0, endsMarker.start()));
      ends = part(field, rest.substring(endsMarker.end()));
    } else {
      means = part(field, rest);
      ends = part(SO_THAT, strip(ENDS_PREFIX, soThat));
    }
    return new Statement(role, means, ends, extras);
  }

  static Statement empty() {
    return new Statement(null, null, null, List.of());
  }

  /** Role, means and ends that are present, in this order. */
  List<Segment> parts() {
    List<Segment> parts = new ArrayList<>(3);
    for (Segment s : new Segment[] {role, means, ends}) {
      if (s != null) {
        parts.add(s);
      }
    }
    return parts;
  }

  private static Segment part(String field, String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.isEmpty() ? null : new Segment(field, null, trimmed);
  }

  private static String strip(Pattern prefix, String text) {
    return text == null ? null : prefix.matcher(text).replaceFirst("");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
