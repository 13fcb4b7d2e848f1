package dev.storyflow.feasibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules of the review and how much each weighs: {@code src/main/resources/feasibility/rules.tsv}
 * gives every rule its criterion and severity. Precision first: a rule is a warning or an error only
 * where it was right at least 8 times in 10 on the development part of the public story set (the
 * table records the counts); every other rule is an {@link Severity#INFO} hint that does not change
 * the verdict. Structural facts (no statement, no acceptance criteria) are errors.
 */
final class Rules {

  static final String RESOURCE = "/feasibility/rules.tsv";

  private record Rule(Criterion criterion, Severity severity) {
  }

  private static final Map<String, Rule> RULES = load();

  private Rules() {
  }

  static Criterion criterion(String rule) {
    return get(rule).criterion();
  }

  static Severity severity(String rule) {
    return get(rule).severity();
  }

  /** Every rule id, in the order of the table. */
  static Iterable<String> ids() {
    return RULES.keySet();
  }

  private static Rule get(String rule) {
    Rule r = RULES.get(rule);
    if (r == null) {
      throw new IllegalStateException("No rule " + rule + " in " + RESOURCE);
    }
    return r;
  }

  private static Map<String, Rule> load() {
    try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("rule\t")) {
          continue;
        }
        String[] cells = line.split("\t");
        rules.put(cells[0], new Rule(Criterion.valueOf(cells[1]), Severity.valueOf(cells[2])));
      }
      return Collections.unmodifiableMap(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
