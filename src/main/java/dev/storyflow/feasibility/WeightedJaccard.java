package dev.storyflow.feasibility;

import java.util.Map;
import java.util.Set;

/**
 * The Jaccard similarity of two word sets with each word weighted by its rarity among the stories
 * (inverse document frequency). Some counts may be only lower bounds (a word counted up to a limit
 * that many stories reach): then the similarity lies between the least and the most it can be, with
 * such a word held by at least as many stories as counted and at most by all of them. Without such
 * counts both are the similarity itself.
 */
final class WeightedJaccard {

  private final Map<String, Integer> counts;
  private final Set<String> atLeast;
  private final int stories;

  /**
   * @param counts how many stories hold each word
   * @param atLeast the words whose count is a lower bound
   * @param stories how many stories there are
   */
  WeightedJaccard(Map<String, Integer> counts, Set<String> atLeast, int stories) {
    this.counts = counts;
    this.atLeast = atLeast;
    this.stories = stories;
  }

  double least(Set<String> a, Set<String> b) {
    return similarity(a, b, false);
  }

  double most(Set<String> a, Set<String> b) {
    return similarity(a, b, true);
  }

  /** Common words weigh as much as they can (most) or as little, the others the other way round. */
  private double similarity(Set<String> a, Set<String> b, boolean most) {
    double common = 0;
    double all = 0;
    for (String w : a) {
      if (b.contains(w)) {
        double weight = weight(w, most);
        common += weight;
        all += weight;
      } else {
        all += weight(w, !most);
      }
    }
    for (String w : b) {
      if (!a.contains(w)) {
        all += weight(w, !most);
      }
    }
    return all == 0 ? 0 : common / all;
  }

  /** The weight of a word; of a word counted only up to a bound, the largest it can be or the smallest. */
  private double weight(String word, boolean largest) {
    int count = counts.getOrDefault(word, 0);
    int holding = atLeast.contains(word) && !largest ? Math.max(count, stories) : count;
    return Math.log((stories + 1.0) / (holding + 0.5));
  }
}
