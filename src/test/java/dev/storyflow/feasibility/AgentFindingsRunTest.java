package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.agent.FeasibilityAgentCall;
import dev.storyflow.feasibility.FeasibilityEvaluation.Case;
import dev.storyflow.feasibility.FeasibilityEvaluation.Score;
import dev.storyflow.feasibility.FeasibilityEvaluation.View;
import dev.storyflow.feasibility.PublicStorySet.Labelled;
import dev.storyflow.feasibility.PublicStorySet.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's findings on public stories, asked the way the feasibility step asks them and scored beside
 * the review's. A stand-in script plays the agent (it flags ATOMIC when the means has " and " or " or ",
 * and fails on one story), so the counts can be worked out here independently.
 */
class AgentFindingsRunTest {

  static final String STAND_IN = "src/test/resources/agents/feasibility-stand-in.py";

  @TempDir
  Path dir;

  @Test
  void answersAreWrittenOncePerStoryAndScoredAgainstTheLabels() throws IOException {
    // given six development stories, four with " and " or " or " in the means, the agent failing on one
    List<Labelled> development = PublicStorySet.load(Part.DEVELOPMENT);
    List<Labelled> stories = java.util.stream.Stream.concat(
        development.stream().filter(s -> joined(means(s))).limit(4),
        development.stream().filter(s -> !joined(means(s))).limit(2)).toList();
    String failing = stories.get(1).story().storyId();
    FeasibilityAgentCall agent = new FeasibilityAgentCall(
        List.of("python3", Path.of(STAND_IN).toAbsolutePath().toString(), "{workOrderFile}", failing),
        Duration.ofSeconds(60));
    Path out = dir.resolve("answers.jsonl");

    // when asked twice
    int first = AgentFindingsRun.run(stories, agent, out);
    int second = AgentFindingsRun.run(stories, agent, out);

    // then every story was asked once, and the failure is kept as a problem
    assertThat(first).isEqualTo(6);
    assertThat(second).isZero();
    assertThat(Files.readAllLines(out)).hasSize(6);
    AgentAnswers answers = AgentAnswers.read(out);
    assertThat(answers.of(failing).problem()).contains("not valid JSON");
    int expectedTp = 0;
    int expectedFp = 0;
    for (Labelled story : stories) {
      boolean flagged = !story.story().storyId().equals(failing) && joined(means(story));
      assertThat(answers.of(story.story().storyId()).flags(View.GATE))
          .isEqualTo(flagged ? Set.of(Criterion.ATOMIC) : Set.of());
      if (flagged) {
        expectedTp += story.violates().contains(Criterion.ATOMIC) ? 1 : 0;
        expectedFp += story.violates().contains(Criterion.ATOMIC) ? 0 : 1;
      }
    }

    // and scored like the review, on the stories the agent answered
    List<Case> cases = stories.stream().map(FeasibilityEvaluation::asCase).toList();
    Score atomic = FeasibilityEvaluation.score("agent", cases, View.GATE,
        c -> answers.of(c.story().storyId()).flags(View.GATE)).scores().get(Criterion.ATOMIC);
    assertThat(atomic.truePositives()).isEqualTo(expectedTp);
    assertThat(atomic.falsePositives()).isEqualTo(expectedFp);
    assertThat(atomic.stories()).isEqualTo(6);
    assertThat(expectedTp + expectedFp).isEqualTo(3);
    String tables = FeasibilityEvaluation.agentTables("Six stories", cases, cases, answers,
        FeasibilityEvaluation.agreement());
    assertThat(tables).contains("asked about 6 of the 6 stories; 1 gave no usable answer")
        .contains("the review alone (the same stories)").contains("the agent alone")
        .contains("the review and the agent together");
  }

  @Test
  void aPartTheAgentWasNotAskedAboutIsNotApplicable() {
    List<Case> cases = PublicStorySet.load(Part.DEVELOPMENT).subList(0, 3).stream()
        .map(FeasibilityEvaluation::asCase).toList();

    String tables = FeasibilityEvaluation.agentTables("Three stories", cases, cases,
        AgentAnswers.read(dir.resolve("none.jsonl")), FeasibilityEvaluation.agreement());

    assertThat(tables).contains("answered no story of this part: n/a").doesNotContain("| ATOMIC |");
  }

  private static String means(Labelled story) {
    return story.story().iWant() != null && !story.story().iWant().isBlank() ? story.story().iWant()
        : story.story().title();
  }

  private static boolean joined(String means) {
    return means.contains(" and ") || means.contains(" or ");
  }
}
