package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads.StoryWords;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link StoryCorpus} compares of a story: the content words of its means and ends (of its
 * title when it has no statement), lower case, without stop words, lightly stemmed. The same for
 * a story under review, for the stories of a batch and for the running stories' index
 * ({@link StoryIndex}), so that each finds the others.
 */
final class ContentWords {

  /** A word counts by its first {@value} characters (a longer "word" is no word anyway). */
  static final int MAX_WORD = 100;
  /** The title's words, joined, count by their first {@value} characters (a title has at most 200). */
  static final int MAX_TITLE = 200;

  private static final Set<String> STOP_WORDS = new HashSet<>(Arrays.asList((
      "a an the i me my mine we us our you your he she it its they them their this that these those to of in on at "
          + "by for with from into onto as and or but so than then be been being is are was were am do does did "
          + "can could will would should shall may might must want wants need needs like able have has had "
          + "get gets order also just only some any all each every which who whom what when where why how "
          + "there here not no yes via per about up down out over again more most other such own same too very "
          + "user users").split(" ")));

  private ContentWords() {
  }

  static StoryWords of(StoryText story) {
    Statement statement = story.statement();
    String text = statement.means() == null ? story.title()
        : statement.means().text() + (statement.ends() == null ? "" : " so that " + statement.ends().text());
    return new StoryWords(story.storyId(), cut(String.join(" ", of(story.title())), MAX_TITLE), text, of(text));
  }

  /** The content words of a text, sorted. */
  static Set<String> of(String text) {
    Set<String> words = new TreeSet<>();
    Words tokens = Words.of(text == null ? "" : text);
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.lower(i);
      if (Character.isLetterOrDigit(w.charAt(0)) && !STOP_WORDS.contains(w)) {
        words.add(cut(stem(w), MAX_WORD));
      }
    }
    return words;
  }

  /** A light stem, enough to match "invoices" with "invoice" and "exported" with "export". */
  private static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** The first {@code length} characters, without cutting a character outside the BMP in two. */
  private static String cut(String s, int length) {
    if (s.length() <= length) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length);
  }
}
