package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public story set under {@code src/test/resources/feasibility/public/}: real user stories of
 * open projects and of the data sets used in requirements-engineering research (none written by
 * Storyflow), labelled by the criteria they violate after {@code LABELLING.md}, and split into a
 * development part (the rules may be tuned on it) and a frozen test part (measured only when a
 * change is done). The split is drawn per backlog with {@link #SPLIT_SEED} and stored in
 * {@code split.tsv}; {@link PublicStorySetTest} checks that the stored split is the seeded one. Stories come
 * in batches (the {@code batch} of a backlog's source, 1 when not given): a batch added later is labelled
 * before the review is run on it and split on its own, so the earlier split stays as it was.
 */
final class PublicStorySet {

  static final String STORIES = "/feasibility/public/public-stories.json";
  static final String LABELS = "/feasibility/public/labels.tsv";
  static final String SPLIT = "/feasibility/public/split.tsv";
  /** The seed of the split, fixed before the first measurement. */
  static final long SPLIT_SEED = 20261130L;
  /** The share of each backlog in the development part. */
  static final double DEVELOPMENT_SHARE = 0.6;

  enum Part { DEVELOPMENT, TEST }

  /**
   * One labelled public story.
   *
   * @param backlog the backlog it comes from; duplicates are looked for within it
   * @param batch the batch its backlog was added with (1: the first 531 stories; 2: G10 and G12; 3: G02, G21 and
   *     G28; 4: B4M)
   * @param criteriaLabelled whether {@link Criterion#TESTABLE_CRITERIA} was labelled (the source has acceptance criteria)
   */
  record Labelled(StoryInput story, String backlog, int batch, Set<Criterion> violates, boolean criteriaLabelled,
      Part part) {

    boolean labels(Criterion criterion) {
      return criterion != Criterion.TESTABLE_CRITERIA || criteriaLabelled;
    }
  }

  private PublicStorySet() {
  }

  static List<Labelled> load() {
    Map<String, Part> split = readSplit();
    List<Labelled> all = new ArrayList<>();
    for (Labelled story : loadUnsplit()) {
      Part part = split.get(story.story().storyId());
      if (part == null) {
        throw new IllegalStateException(story.story().storyId() + " is in no part of " + SPLIT);
      }
      all.add(new Labelled(story.story(), story.backlog(), story.batch(), story.violates(), story.criteriaLabelled(),
          part));
    }
    return all;
  }

  static List<Labelled> load(Part part) {
    return load().stream().filter(s -> s.part() == part).toList();
  }

  /**
   * The split drawn from {@link #SPLIT_SEED}: per backlog, the ids in file order, shuffled, the first 60 %
   * development. Each batch is drawn on its own, from a fresh random sequence of the same seed over its
   * backlogs in name order, so that adding a batch leaves the split of the earlier ones as it was.
   */
  static Map<String, Part> seededSplit() {
    Map<Integer, Map<String, List<String>>> byBatch = new TreeMap<>();
    loadUnsplit().forEach(s -> byBatch.computeIfAbsent(s.batch(), b -> new TreeMap<>())
        .computeIfAbsent(s.backlog(), b -> new ArrayList<>()).add(s.story().storyId()));
    Map<String, Part> split = new LinkedHashMap<>();
    byBatch.values().forEach(byBacklog -> {
      Random random = new Random(SPLIT_SEED);
      byBacklog.forEach((backlog, ids) -> {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        int development = (int) Math.round(shuffled.size() * DEVELOPMENT_SHARE);
        for (int i = 0; i < shuffled.size(); i++) {
          split.put(shuffled.get(i), i < development ? Part.DEVELOPMENT : Part.TEST);
        }
      });
    });
    return split;
  }

  static Map<String, Part> readSplit() {
    Map<String, Part> split = new LinkedHashMap<>();
    for (String line : lines(SPLIT)) {
      String[] cells = line.split("\t");
      split.put(cells[0], Part.valueOf(cells[1]));
    }
    return split;
  }

  private static List<Labelled> loadUnsplit() {
    Map<String, String[]> labels = new LinkedHashMap<>();
    for (String line : lines(LABELS)) {
      String[] cells = line.split("\t", -1);
      labels.put(cells[0], cells);
    }
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    List<Labelled> stories = new ArrayList<>();
    try (InputStream in = PublicStorySet.class.getResourceAsStream(STORIES)) {
      JsonNode root = json.readTree(in);
      for (JsonNode node : root.path("stories")) {
        StoryInput story = json.treeToValue(node, StoryInput.class);
        String[] label = labels.get(story.storyId());
        if (label == null) {
          throw new IllegalStateException(story.storyId() + " has no labels in " + LABELS);
        }
        Set<Criterion> violates = EnumSet.noneOf(Criterion.class);
        for (String criterion : label[2].split(",")) {
          if (!criterion.isBlank()) {
            violates.add(Criterion.valueOf(criterion));
          }
        }
        String backlog = node.path("backlog").asText();
        stories.add(new Labelled(story, backlog, root.path("sources").path(backlog).path("batch").asInt(1), violates,
            "yes".equals(label[1]), null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stories;
  }

  /** The data lines of a tab-separated resource: no comments, no header. */
  private static List<String> lines(String resource) {
    try (InputStream in = PublicStorySet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("storyId\t")) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
