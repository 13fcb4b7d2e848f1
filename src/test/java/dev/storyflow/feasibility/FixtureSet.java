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
 * The labelled fixture stories in {@code src/test/resources/feasibility/stories.json}: each story
 * with the criteria it violates (none for a good story).
 */
final class FixtureSet {

  /** One labelled story. */
  record Fixture(StoryInput story, Set<Criterion> violates) {
  }

  static final String RESOURCE = "/feasibility/stories.json";

  private FixtureSet() {
  }

  static List<Fixture> load() {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = FixtureSet.class.getResourceAsStream(RESOURCE)) {
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
