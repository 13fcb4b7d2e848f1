package dev.storyflow.epic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * One acceptance criterion of a checkbox list.
 *
 * @param text the criterion as written, without its checkbox
 * @param met {@code true} for {@code - [x]}
 * @param mark offset of the character inside the checkbox ({@code ' '} or {@code 'x'}) in the
 *     file, or {@code -1} for an item without a checkbox
 */
record Criterion(String text, boolean met, int mark) {

  /** A task-list checkbox at the start of an item's text: {@code [ ]}, {@code [x]} or {@code [X]}. */
  private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\](?=\\s|$)");

  /** The items of a (checkbox) list, each item's first paragraph as one line. */
  static List<Criterion> itemsOf(ListBlock list, MarkdownSource source) {
    List<Criterion> items = new ArrayList<>();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph
          && source.hasPosition(paragraph)) {
        int start = source.start(paragraph);
        String text = source.of(paragraph).lines().map(String::strip).collect(Collectors.joining(" "));
        Matcher checkbox = CHECKBOX.matcher(text);
        if (checkbox.find()) {
          items.add(new Criterion(text.substring(checkbox.end()).trim(), !checkbox.group(1).equals(" "), start + 1));
        } else {
          items.add(new Criterion(text, false, -1));
        }
      }
    }
    return items;
  }

  boolean hasCheckbox() {
    return mark >= 0;
  }
}
