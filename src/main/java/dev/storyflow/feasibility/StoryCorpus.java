package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads.StoryWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other stories a story is compared with for {@link Criterion#UNIQUE}, and the search for
 * near-duplicates among them that never compares every pair. Each story is reduced to the set of
 * its {@link ContentWords}; two stories are duplicates when the Jaccard similarity of those sets is
 * at least {@link #DUPLICATE}, or at least {@link #SAME_TITLE} with the same title; without the same
 * title, the similarity with each word weighted by its rarity among the stories (inverse document
 * frequency) must be at least {@link #WEIGHTED_DUPLICATE} too: stories of one backlog share much of
 * their wording ("an Elasticsearch integration, so that …" and "a Mongo integration, so that …"),
 * and only the rare words tell them apart.
 * <p>
 * Candidates come from prefix filtering (Bayardo et al., 2007): with a story's words ordered rarest
 * first, a set that similar must hold one of its first few words, so only the stories holding one of
 * those are compared, and those with the same title. A word that more than {@link #MAX_POSTINGS}
 * stories hold is too common to find duplicates by and is skipped (unless the story has no rarer
 * word, when {@link #MAX_POSTINGS} of the stories holding its least common word are compared), so a
 * search compares a bounded number of stories however many there are. Words are counted only as far
 * as a decision needs: up to {@code MAX_POSTINGS + 1} to choose the words to look up, up to
 * {@link #MAX_COUNTED} to weigh a candidate, where the least and the most its weighted similarity can
 * be settle almost every pair; exactly only for a pair they leave open. The stories are held in
 * {@link Part}s: in memory ({@link #of}: a batch, the evaluation) or in the running stories' index in
 * the database ({@link RunningStories}), which the search asks only about the story's own words and
 * its candidates.
 */
final class StoryCorpus {

  static final double DUPLICATE = 0.75;
  static final double SAME_TITLE = 0.5;
  static final double WEIGHTED_DUPLICATE = 0.85;
  static final int MAX_MATCHES = 5;
  static final int MAX_POSTINGS = 100;
  /** How far the stories holding a too common word are counted to find the least common one. */
  static final int MAX_COUNTED = 10 * MAX_POSTINGS;

  /** Another story found to be a near-duplicate. */
  record Match(String storyId, String text, double similarity) {
  }

  /** Stories of a corpus, as the search asks for them: how many hold a word, and which. */
  interface Part {

    /** How many stories the part holds. */
    int size();

    /**
     * How many of its stories hold each of the words, counted up to {@code atMost} (a word more
     * stories hold counts {@code atMost}); a word none holds may be absent.
     */
    Map<String, Integer> counts(Collection<String> words, int atMost);

    /**
     * Its stories that hold one of the words, and those with this title (none when it is empty),
     * each story once; at most {@code limit} for each word and for the title.
     */
    Collection<StoryWords> holding(Collection<String> words, String title, int limit);
  }

  private final List<Part> parts;

  private StoryCorpus(List<Part> parts) {
    this.parts = parts;
  }

  /** The stories, in memory. */
  static StoryCorpus of(Collection<StoryText> stories) {
    return new StoryCorpus(List.of(new StoriesInMemory(stories)));
  }

  /** The stories of a part, for instance the running ones. */
  static StoryCorpus of(Part part) {
    return new StoryCorpus(List.of(part));
  }

  static StoryCorpus empty() {
    return of(List.of());
  }

  /** This corpus and the stories, in memory. */
  StoryCorpus and(Collection<StoryText> stories) {
    List<Part> all = new ArrayList<>(parts);
    all.add(new StoriesInMemory(stories));
    return new StoryCorpus(List.copyOf(all));
  }

  int size() {
    return parts.stream().mapToInt(Part::size).sum();
  }

  /** Near-duplicates of {@code story} among the other stories (never the story itself), best first. */
  List<Match> duplicatesOf(StoryText story) {
    StoryWords query = ContentWords.of(story);
    if (query.words().size() < 2) {
      return List.of();
    }
    // exact up to MAX_POSTINGS, all that choosing the words to look up needs, and bounded however common a word is
    Map<String, Integer> counts = counts(query.words(), MAX_POSTINGS + 1);
    List<String> prefix = prefix(query.words(), counts);
    List<String> lookUp = prefix.stream().filter(w -> counts.get(w) <= MAX_POSTINGS).toList();
    if (lookUp.size() < prefix.size() && lookUp.stream().allMatch(w -> counts.get(w) == 0)) {
      lookUp = List.of(leastCommon(query.words().stream().filter(w -> counts.get(w) > MAX_POSTINGS).toList()));
    }
    List<Match> matches = new ArrayList<>();
    List<StoryWords> similar = new ArrayList<>();
    for (Part part : parts) {
      for (StoryWords other : part.holding(lookUp, query.title(), MAX_POSTINGS)) {
        if (other.storyId() != null && other.storyId().equals(query.storyId())) {
          continue;
        }
        double similarity = jaccard(query.words(), other.words());
        if (!query.title().isEmpty() && query.title().equals(other.title()) && similarity >= SAME_TITLE) {
          matches.add(new Match(other.storyId(), other.text(), similarity));
        } else if (similarity >= DUPLICATE) {
          similar.add(other);
        }
      }
    }
    matches.addAll(weighed(query, similar, counts));
    matches.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparing(Match::storyId,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return matches.size() > MAX_MATCHES ? matches.subList(0, MAX_MATCHES) : matches;
  }

  /** Of words too common to look up, the one fewest stories hold (counted up to {@link #MAX_COUNTED}). */
  private String leastCommon(List<String> common) {
    Map<String, Integer> counts = counts(common, MAX_COUNTED);
    return common.stream().min(Comparator.comparingInt((String w) -> counts.get(w)).thenComparing(w -> w))
        .orElseThrow();
  }

  /**
   * Of the stories similar by their words, those similar when rare words weigh more. The words are
   * counted up to {@link #MAX_COUNTED}; a word held by more stories weighs little, and between bounds
   * that decide almost every pair. Only a pair the bounds leave open has its common words counted
   * exactly, which reads their whole index.
   */
  private List<Match> weighed(StoryWords query, List<StoryWords> similar, Map<String, Integer> firstCounts) {
    if (similar.isEmpty()) {
      return List.of();
    }
    Set<String> uncounted = new HashSet<>();
    query.words().stream().filter(w -> firstCounts.get(w) > MAX_POSTINGS).forEach(uncounted::add);
    similar.forEach(s -> s.words().stream().filter(w -> !firstCounts.containsKey(w)).forEach(uncounted::add));
    Map<String, Integer> counts = new HashMap<>(firstCounts);
    counts.putAll(counts(uncounted, MAX_COUNTED));
    Set<String> atLeast = new HashSet<>();
    counts.forEach((word, count) -> {
      if (count >= MAX_COUNTED) {
        atLeast.add(word);
      }
    });
    WeightedJaccard bounded = new WeightedJaccard(counts, atLeast, size());
    List<Match> matches = new ArrayList<>();
    List<StoryWords> open = new ArrayList<>();
    for (StoryWords other : similar) {
      if (bounded.least(query.words(), other.words()) >= WEIGHTED_DUPLICATE) {
        matches.add(new Match(other.storyId(), other.text(), jaccard(query.words(), other.words())));
      } else if (bounded.most(query.words(), other.words()) >= WEIGHTED_DUPLICATE) {
        open.add(other);
      }
    }
    if (!open.isEmpty()) {
      counts.putAll(counts(atLeast, Integer.MAX_VALUE));
      WeightedJaccard exact = new WeightedJaccard(counts, Set.of(), size());
      for (StoryWords other : open) {
        if (exact.least(query.words(), other.words()) >= WEIGHTED_DUPLICATE) {
          matches.add(new Match(other.storyId(), other.text(), jaccard(query.words(), other.words())));
        }
      }
    }
    return matches;
  }

  /** How many stories hold each word, counted up to {@code atMost}; 0 for a word none holds. */
  private Map<String, Integer> counts(Collection<String> words, int atMost) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : words) {
      counts.put(word, 0);
    }
    if (!words.isEmpty()) {
      parts.forEach(part -> part.counts(words, atMost).forEach((word, count) -> counts.merge(word, count,
          (a, b) -> (int) Math.min(atMost, (long) a + b))));
    }
    return counts;
  }

  /** The rarest words of a set, as many as a set at least {@link #DUPLICATE} similar must hold one of. */
  private static List<String> prefix(Set<String> words, Map<String, Integer> counts) {
    List<String> ordered = new ArrayList<>(words);
    ordered.sort(Comparator.comparingInt((String w) -> counts.getOrDefault(w, 0)).thenComparing(w -> w));
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
}
