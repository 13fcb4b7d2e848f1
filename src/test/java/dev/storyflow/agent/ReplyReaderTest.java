package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading what an agent printed: plain results, Claude Code envelopes, and what is refused. */
class ReplyReaderTest {

  final ReplyReader reader = new ReplyReader(new ObjectMapper(), new ResultSchema());

  @Test
  void plainResult() {
    AgentReply reply = reader.read("{\"status\":\"done\",\"summary\":\"Built it\",\"changedFiles\":[\"A.java\"],"
        + "\"notes\":\"n\"}\n");

    assertThat(reply.problem()).isNull();
    assertThat(reply.result()).isEqualTo(new AgentReply.Result("done", "Built it", java.util.List.of("A.java"), "n", java.util.List.of()));
    assertThat(reply.costUsd()).isNull();
  }

  @Test
  void envelopeWithStructuredOutput() {
    AgentReply reply = reader.read("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
        + "\"result\":\"ok\",\"structured_output\":{\"status\":\"needs_human\",\"summary\":\"Unclear\"},"
        + "\"total_cost_usd\":0.0421,\"num_turns\":3,\"session_id\":\"abc\"}");

    assertThat(reply.problem()).isNull();
    assertThat(reply.result().status()).isEqualTo("needs_human");
    assertThat(reply.costUsd()).isEqualByComparingTo("0.0421");
    assertThat(reply.turns()).isEqualTo(3);
    assertThat(reply.sessionId()).isEqualTo("abc");
  }

  @Test
  void envelopeWithTheResultJsonInsideItsText() {
    AgentReply reply = reader.read("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
        + "\"result\":\"Here you go:\\n```json\\n{\\\"status\\\":\\\"done\\\",\\\"summary\\\":\\\"x\\\"}\\n```\","
        + "\"total_cost_usd\":1}");

    assertThat(reply.problem()).isNull();
    assertThat(reply.result().summary()).isEqualTo("x");
  }

  @Test
  void isErrorIsAFailureWhateverTheSubtypeSays() {
    AgentReply reply = reader.read("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,"
        + "\"result\":\"{\\\"status\\\":\\\"done\\\",\\\"summary\\\":\\\"x\\\"}\",\"total_cost_usd\":0.5}");

    assertThat(reply.result()).isNull();
    assertThat(reply.problem()).contains("is_error: true");
    assertThat(reply.costUsd()).isEqualByComparingTo("0.5");
  }

  @Test
  void anErrorSubtypeIsAFailure() {
    AgentReply reply = reader.read("{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":false,"
        + "\"num_turns\":30}");

    assertThat(reply.problem()).contains("error_max_turns");
    assertThat(reply.turns()).isEqualTo(30);
  }

  @Test
  void refusedOutputs() {
    assertThat(reader.read("").problem()).contains("printed nothing");
    assertThat(reader.read("{\"status\":\"done\",\"summary\":\"x\"} trailing").problem()).contains("not valid JSON");
    assertThat(reader.read("{\"status\":\"done\"}").problem()).contains("summary");
    assertThat(reader.read("{\"status\":\"done\",\"summary\":\"x\",\"extra\":1}").problem()).contains("extra");
    assertThat(reader.read("[1,2]").problem()).contains("does not match the schema");
    assertThat(reader.read("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"no json\"}")
        .problem()).contains("holds no result JSON");
  }

  @Test
  void feasibilityFindingsAreReadWithTheirEvidence() {
    AgentReply reply = reader.read("{\"status\":\"done\",\"summary\":\"Two features\",\"findings\":["
        + "{\"criterion\":\"ATOMIC\",\"severity\":\"WARNING\",\"message\":\"Export and print\","
        + "\"evidence\":{\"field\":\"iWant\",\"text\":\"export or print\"}}]}");

    assertThat(reply.problem()).isNull();
    assertThat(reply.result().findings()).hasSize(1);
    assertThat(reply.result().findings().get(0)).containsEntry("criterion", "ATOMIC")
        .containsEntry("evidence", java.util.Map.of("field", "iWant", "text", "export or print"));
  }

  @Test
  void aFindingOutsideTheSchemaIsRefused() {
    AgentReply unknownCriterion = reader.read("{\"status\":\"done\",\"summary\":\"x\",\"findings\":["
        + "{\"criterion\":\"VAGUE\",\"severity\":\"WARNING\",\"message\":\"m\"}]}");
    AgentReply noMessage = reader.read("{\"status\":\"done\",\"summary\":\"x\",\"findings\":["
        + "{\"criterion\":\"ATOMIC\",\"severity\":\"WARNING\"}]}");
    AgentReply unknownField = reader.read("{\"status\":\"done\",\"summary\":\"x\",\"findings\":["
        + "{\"criterion\":\"ATOMIC\",\"severity\":\"HINT\",\"message\":\"m\",\"evidence\":{\"field\":\"body\",\"text\":\"t\"}}]}");

    assertThat(unknownCriterion.result()).isNull();
    assertThat(unknownCriterion.problem()).contains("does not match the schema").contains("criterion");
    assertThat(noMessage.problem()).contains("message");
    assertThat(unknownField.problem()).contains("severity").contains("field");
  }
}
