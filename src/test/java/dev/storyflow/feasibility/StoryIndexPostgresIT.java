package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryInput;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running stories' index on a real PostgreSQL shared by two nodes: a story started on one
 * node is found as a duplicate by the other, leaves the index when the other node ends it, and a
 * row left behind is never reported.
 */
class StoryIndexPostgresIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void twoNodesShareTheIndex() {
    try (ConfigurableApplicationContext nodeA = startNode("a"); ConfigurableApplicationContext nodeB = startNode("b")) {
      FeasibilityReviewer reviewerA = nodeA.getBean(FeasibilityReviewer.class);
      FeasibilityReviewer reviewerB = nodeB.getBean(FeasibilityReviewer.class);
      StoryIndexRows rows = new StoryIndexRows(nodeA.getBean(JdbcTemplate.class));

      // given a story started on node A, and the rows of a story whose process is gone
      ProcessInstance first = start(nodeA.getBean(ProcessEngine.class), "PG-1");
      assertThat(rows.words(first.getId())).containsExactly("download", "harbour", "home", "month", "offline", "plan",
          "table", "tide", "trip");
      nodeB.getBean(StoryIndex.class).add("no-such-instance", ContentWords.of(StoryText.of(story("PG-GHOST"))));

      // when node B reviews a story asking for the same
      List<String> found = duplicates(reviewerB.reviewRunning(story("PG-2"), null));

      // then it finds node A's story, and not the ghost
      assertThat(found).singleElement().asString().startsWith("PG-1:");

      // when node B ends node A's story, node A finds it no more
      nodeB.getBean(ProcessEngine.class).getRuntimeService().deleteProcessInstance(first.getId(), "withdrawn", true);
      assertThat(rows.words(first.getId())).isEmpty();
      assertThat(duplicates(reviewerA.reviewDrafts(List.of(story("PG-3"))).get(0))).isEmpty();
    }
  }

  private static ProcessInstance start(ProcessEngine engine, String storyId) {
    StoryInput story = story(storyId);
    Map<String, Object> variables = new HashMap<>(Map.of("storyId", storyId, "title", story.title(),
        "asA", story.asA(), "iWant", story.iWant(), "soThat", story.soThat()));
    return engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId, variables);
  }

  private static StoryInput story(String storyId) {
    return new StoryInput(storyId, "Download a tide table", "sailor",
        "to download the tide table of my home harbour for a month", "I can plan trips offline",
        List.of("The table lists high and low water per day"), null, null, null, null, null, null, null, null, null);
  }

  /** The evidence of the report's UNIQUE findings: "{storyId}: {text}". */
  @SuppressWarnings("unchecked")
  private static List<String> duplicates(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("findings")).stream()
        .filter(f -> Criterion.UNIQUE.name().equals(f.get("criterion")))
        .map(f -> (String) ((Map<String, Object>) f.get("evidence")).get("text")).toList();
  }

  private static ConfigurableApplicationContext startNode(String name) {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("test", "postgres")
        .run("--server.port=0", "--spring.jmx.enabled=false",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.application.name=storyflow-" + name);
  }
}
