package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The other stories a story is compared with for {@link Criterion#UNIQUE}: an index that finds
 * near-duplicates without comparing every pair. Each story is reduced to the set of content words
 * of its means and ends (its title when it has no statement); two stories are duplicates when the
 * Jaccard similarity of those sets is at least {@link #DUPLICATE}, or at least {@link #SAME_TITLE}
 * with the same title; without the same title, the similarity with each word weighted by its rarity among
 * the stories (inverse document frequency) must be at least {@link #WEIGHTED_DUPLICATE} too: stories of one backlog share
 * much of their wording ("an Elasticsearch integration, so that …" and "a Mongo integration, so that
 * …"), and only the rare words tell them apart. Candidates come from prefix filtering (Bayardo et al., 2007): with the words
 * ordered rarest first, two sets that similar must share a word among the first few of each, so
 * only those words are indexed; stories with the same title come from a second index. A word that
 * more than {@link #MAX_POSTINGS} stories share is too common to find duplicates by and is skipped
 * (unless the story has no rarer word, when its first {@link #MAX_POSTINGS} stories are compared),
 * so a query costs at most a bounded number of comparisons and a batch stays linear.
 */
final class StoryCorpus {

  static final double DUPLICATE = 0.75;
  static final double SAME_TITLE = 0.5;
  static final double WEIGHTED_DUPLICATE = 0.85;
  static final int MAX_MATCHES = 5;
  static final int MAX_POSTINGS = 100;

  /** Another story found to be a near-duplicate. */
  record Match(String storyId, String text, double similarity) {
  }

  private record Entry(String storyId, String title, String text, Set<String> words) {
  }

  private static final Set<String> STOP_WORDS = new HashSet<>(Arrays.asList((
      "a an the i me my mine we us our you your he she it its they them their this that these those to of in on at "
          + "by for with from into onto as and or but so than then be been being is are was were am do does did "
          + "can could will would should shall may might must want wants need needs like able have has had "
          + "get gets order also just only some any all each every which who whom what when where why how "
          + "there here not no yes via per about up down out over again more most other such own same too very "
          + "user users").split(" ")));

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> frequency = new HashMap<>();
  private final Map<String, List<Integer>> index = new HashMap<>();
  private final Map<String, List<Integer>> titles = new HashMap<>();

  private StoryCorpus() {
  }

  static StoryCorpus of(Collection<StoryText> stories) {
    StoryCorpus corpus = new StoryCorpus();
    for (StoryText story : stories) {
      Entry entry = entry(story);
      corpus.entries.add(entry);
      entry.words().forEach(w -> corpus.frequency.merge(w, 1, Integer::sum));
    }
    for (int i = 0; i < corpus.entries.size(); i++) {
      Entry entry = corpus.entries.get(i);
      for (String word : corpus.prefix(entry.words())) {
        corpus.index.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
      }
      if (!entry.title().isEmpty()) {
        corpus.titles.computeIfAbsent(entry.title(), t -> new ArrayList<>()).add(i);
      }
    }
    return corpus;
  }

  static StoryCorpus empty() {
    return new StoryCorpus();
  }

  int size() {
    return entries.size();
  }

  /** Near-duplicates of {@code story} among the other stories (never the story itself), best first. */
  List<Match> duplicatesOf(StoryText story) {
    Entry query = entry(story);
    if (query.words().size() < 2) {
      return List.of();
    }
    Set<Integer> candidates = new HashSet<>();
    List<Integer> smallest = List.of();
    for (String word : prefix(query.words())) {
      List<Integer> postings = index.getOrDefault(word, List.of());
      if (postings.size() <= MAX_POSTINGS) {
        candidates.addAll(postings);
      } else if (smallest.isEmpty() || postings.size() < smallest.size()) {
        smallest = postings;
      }
    }
    if (candidates.isEmpty() && !smallest.isEmpty()) {
      candidates.addAll(smallest.subList(0, MAX_POSTINGS));
    }
    candidates.addAll(titles.getOrDefault(query.title(), List.of()));
    List<Match> matches = new ArrayList<>();
    for (int i : candidates) {
      Entry other = entries.get(i);
      if (other.storyId() != null && other.storyId().equals(query.storyId())) {
        continue;
      }
      double similarity = jaccard(query.words(), other.words());
      boolean sameTitle = !query.title().isEmpty() && query.title().equals(other.title());
      if ((similarity >= DUPLICATE && weightedJaccard(query.words(), other.words()) >= WEIGHTED_DUPLICATE)
          || (sameTitle && similarity >= SAME_TITLE)) {
        matches.add(new Match(other.storyId(), other.text(), similarity));
      }
    }
    matches.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparing(Match::storyId,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return matches.size() > MAX_MATCHES ? matches.subList(0, MAX_MATCHES) : matches;
  }

  /** The rarest words of a set, as many as a set at least {@link #DUPLICATE} similar must share one of. */
  private List<String> prefix(Set<String> words) {
    List<String> ordered = new ArrayList<>(words);
    ordered.sort(Comparator.comparingInt((String w) -> frequency.getOrDefault(w, 0)).thenComparing(w -> w));
    int length = words.size() - (int) Math.ceil(DUPLICATE * words.size()) + 1;
    return ordered.subList(0, Math.min(length, ordered.size()));
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    int common = 0;
    for (String w : a) {
      if (b.contains(w)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /** Jaccard similarity with each word weighted by its inverse document frequency in the corpus. */
  private double weightedJaccard(Set<String> a, Set<String> b) {
    double common = 0;
    double all = 0;
    for (String w : a) {
      double weight = weight(w);
      all += weight;
      if (b.contains(w)) {
        common += weight;
      }
    }
    for (String w : b) {
      if (!a.contains(w)) {
        all += weight(w);
      }
    }
    return all == 0 ? 0 : common / all;
  }

  private double weight(String word) {
    return Math.log((entries.size() + 1.0) / (frequency.getOrDefault(word, 0) + 0.5));
  }

  private static Entry entry(StoryText story) {
    Statement statement = story.statement();
    String text = statement.means() == null ? story.title()
        : statement.means().text() + (statement.ends() == null ? "" : " so that " + statement.ends().text());
    return new Entry(story.storyId(), String.join(" ", words(story.title())), text, words(text));
  }

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    Words tokens = Words.of(text == null ? "" : text);
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.lower(i);
      if (Character.isLetterOrDigit(w.charAt(0)) && !STOP_WORDS.contains(w)) {
        words.add(stem(w));
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
}
