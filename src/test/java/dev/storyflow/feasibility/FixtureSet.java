package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The labelled fixture stories under {@code src/test/resources/feasibility/}, written by the project
 * together with the rules: each story with the criteria it violates (none for a good story). They
 * pin the behaviour of the rules; how the review does on stories it has never seen is measured on
 * {@link PublicStorySet}.
 */
final class FixtureSet {

  /** One labelled story. */
  record Fixture(StoryInput story, Set<Criterion> violates) {
  }

  /** The fixture set the targets are measured on. */
  static final String RESOURCE = "/feasibility/stories.json";
  /**
   * Stories written after the first rules and measured once; the rules were tuned on them after
   * that run, so they are fixtures too, not a held-out set.
   */
  static final String LATER = "/feasibility/stories-later.json";

  private FixtureSet() {
  }

  static List<Fixture> load() {
    return load(RESOURCE);
  }

  static List<Fixture> load(String resource) {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = FixtureSet.class.getResourceAsStream(resource)) {
      List<Fixture> fixtures = new ArrayList<>();
      for (JsonNode node : json.readTree(in).path("stories")) {
        Set<Criterion> violates = EnumSet.noneOf(Criterion.class);
        node.path("violates").forEach(v -> violates.add(Criterion.valueOf(v.asText())));
        fixtures.add(new Fixture(json.treeToValue(node, StoryInput.class), violates));
      }
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
