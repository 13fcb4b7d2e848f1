package dev.storyflow.bare.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one kind of request, in milliseconds; thread-safe. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  synchronized void add(long nanos) {
    millis.add(nanos / 1e6);
  }

  synchronized Map<String, Object> summary() {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("n", sorted.size());
    if (!sorted.isEmpty()) {
      summary.put("p50", round(percentile(sorted, 0.50)));
      summary.put("p90", round(percentile(sorted, 0.90)));
      summary.put("p99", round(percentile(sorted, 0.99)));
      summary.put("max", round(sorted.get(sorted.size() - 1)));
      summary.put("mean", round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }
    return summary;
  }

  /** Nearest rank. */
  private static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
