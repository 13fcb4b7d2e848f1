package dev.storyflow.securityscan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Precision and recall of reported locations against expected ones. */
record Metrics(int truePositives, int falsePositives, int falseNegatives, List<String> missed, List<String> falseAlarms) {

  static Metrics of(Set<String> expected, Set<String> reported) {
    Set<String> hits = new LinkedHashSet<>(reported);
    hits.retainAll(expected);
    List<String> falseAlarms = reported.stream().filter(r -> !expected.contains(r)).sorted().toList();
    List<String> missed = expected.stream().filter(e -> !reported.contains(e)).sorted().toList();
    return new Metrics(hits.size(), falseAlarms.size(), missed.size(), missed, falseAlarms);
  }

  double precision() {
    return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
  }

  double recall() {
    return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
  }

  String row(String label) {
    return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |", label, truePositives + falseNegatives,
        truePositives, falsePositives, precision(), recall());
  }
}
