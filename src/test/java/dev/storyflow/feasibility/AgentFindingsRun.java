package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyflow.agent.FeasibilityAgentCall;
import dev.storyflow.feasibility.PublicStorySet.Labelled;
import dev.storyflow.feasibility.PublicStorySet.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an agent for its feasibility findings on the public stories, one story at a time, the way the
 * {@code feasibility} step asks it ({@link FeasibilityAgentCall}), and appends each answer to a JSON-lines
 * file that {@link FeasibilityEvaluation} scores with {@code --agent-findings=FILE}. A story already in
 * the file is skipped, so a long run can be resumed. Like the review, the agent is asked about the
 * frozen test part only with {@code --test}.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.storyflow.feasibility.AgentFindingsRun \
 *   -Dexec.args="[--test] [--batch=N] [--limit=N] [--timeout=PT5M] [--out=target/agent-findings.jsonl] -- COMMAND..."
 * </pre>
 *
 * COMMAND is the agent CLI with the placeholders of {@code storyflow.agent.command}, e.g.
 * {@code claude -p --output-format json --append-system-prompt {systemPrompt} --max-turns {maxTurns}}.
 */
public final class AgentFindingsRun {

  static final Path DEFAULT_OUT = Path.of("target/agent-findings.jsonl");

  private AgentFindingsRun() {
  }

  /**
   * @return how many stories were asked (those already in the file are not)
   */
  static int run(List<Labelled> stories, FeasibilityAgentCall agent, Path out) throws IOException {
    AgentAnswers done = AgentAnswers.read(out);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    ObjectMapper json = new ObjectMapper();
    int asked = 0;
    for (Labelled story : stories) {
      String id = story.story().storyId();
      if (done.has(id)) {
        continue;
      }
      FeasibilityAgentCall.Answer answer = agent.ask(story.story());
      ObjectNode line = json.createObjectNode();
      line.put("storyId", id);
      line.set("findings", json.valueToTree(answer.findings()));
      line.put("problem", answer.problem());
      line.put("costUsd", answer.costUsd());
      line.put("millis", answer.duration().toMillis());
      Files.writeString(out, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      asked++;
      System.out.printf("%s: %d finding(s)%s%n", id, answer.findings().size(),
          answer.problem() == null ? "" : ", no usable answer: " + answer.problem());
    }
    return asked;
  }

  public static void main(String[] args) throws IOException {
    boolean test = false;
    Integer batch = null;
    int limit = Integer.MAX_VALUE;
    Duration timeout = Duration.ofMinutes(5);
    Path out = DEFAULT_OUT;
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        command.addAll(List.of(args).subList(i + 1, args.length));
        break;
      } else if (arg.equals("--test")) {
        test = true;
      } else if (arg.startsWith("--batch=")) {
        batch = Integer.parseInt(arg.substring("--batch=".length()));
      } else if (arg.startsWith("--limit=")) {
        limit = Integer.parseInt(arg.substring("--limit=".length()));
      } else if (arg.startsWith("--timeout=")) {
        timeout = Duration.parse(arg.substring("--timeout=".length()));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring("--out=".length()));
      } else {
        throw new IllegalArgumentException("Unknown argument " + arg + "; the agent command comes after --");
      }
    }
    if (command.isEmpty()) {
      throw new IllegalArgumentException("No agent command: give it after --, as a list of arguments");
    }
    Integer only = batch;
    List<Labelled> chosen = new ArrayList<>(PublicStorySet.load(Part.DEVELOPMENT));
    if (test) {
      chosen.addAll(PublicStorySet.load(Part.TEST));
    }
    chosen.removeIf(s -> only != null && s.batch() != only);
    int asked = run(chosen.subList(0, Math.min(limit, chosen.size())), new FeasibilityAgentCall(command, timeout), out);
    System.out.printf("Asked the agent about %d stories (of %d chosen); answers in %s%n", asked, chosen.size(),
        out.toAbsolutePath());
  }
}
