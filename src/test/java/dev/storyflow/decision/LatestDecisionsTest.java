package dev.storyflow.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link LatestDecisions} on an engine of its own (in-memory H2, full history), evaluated both
 * outside any engine command (as the worker's steps do) and inside one (as a task's due date is).
 */
class LatestDecisionsTest {

  private static final String KEY = "latest-decisions-test";

  private static ProcessEngine processEngine;
  private static ProcessEngineConfigurationImpl engine;

  private final List<String> deployments = new ArrayList<>();
  private LatestDecisions decisions;

  @BeforeAll
  static void startEngine() {
    engine = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("latest-decisions-test")
        .setJdbcUrl("jdbc:h2:mem:latest-decisions-test;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    processEngine = engine.buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    processEngine.close();
  }

  @BeforeEach
  void newComponent() {
    decisions = new LatestDecisions(engine, new JdbcTemplate(engine.getDataSource()));
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void theLatestVersionCountsAtOnceInsideAndOutsideEngineCommands() {
    // given a table answering "first" for red
    deploy(table("color", "\"red\"", null, "\"first\""));
    assertThat(answerOutside(Map.of("color", "red"))).isEqualTo("first");
    assertThat(answerInside(Map.of("color", "red"))).isEqualTo("first");

    // when a version answering "second" is deployed
    String second = deploy(table("color", "\"red\"", null, "\"second\""));

    // then it counts at once, in and outside commands
    assertThat(answerOutside(Map.of("color", "red"))).isEqualTo("second");
    assertThat(answerInside(Map.of("color", "red"))).isEqualTo("second");

    // and when it is taken away again, the first one counts again
    processEngine.getRepositoryService().deleteDeployment(second, true);
    deployments.remove(second);
    assertThat(answerOutside(Map.of("color", "red"))).isEqualTo("first");
    assertThat(answerInside(Map.of("color", "red"))).isEqualTo("first");
  }

  @Test
  void aTableOfItsInputsAloneIsEvaluatedOncePerInputsAndVersion() {
    // given a table whose input expression counts its evaluations (a getter of the input object)
    deploy(table("counter.andIncrement", "", null, "\"counted\""));
    AtomicInteger evaluations = new AtomicInteger();

    // when it is asked three times about the same inputs, in and outside commands
    decisions.evaluate(KEY, Map.of("counter", evaluations));
    decisions.evaluate(KEY, Map.of("counter", evaluations));
    Optional<Map<String, Object>> inside = engine.getCommandExecutorTxRequired()
        .execute(command -> decisions.evaluate(KEY, Map.of("counter", evaluations)));

    // then it was evaluated once, and each caller got the answer
    assertThat(evaluations).hasValue(1);
    assertThat(inside).contains(Map.of("answer", "counted"));

    // and a new version is evaluated anew
    deploy(table("counter.andIncrement", "", null, "\"counted again\""));
    assertThat(decisions.evaluate(KEY, Map.of("counter", evaluations))).contains(Map.of("answer", "counted again"));
    assertThat(evaluations).hasValue(2);
  }

  @Test
  void aTableThatDependsOnMoreThanItsInputsIsEvaluatedEveryTime() {
    // given a table whose answer is an expression of another language (JUEL) counting its evaluations
    deploy(table("color", "", "juel", "${counter.incrementAndGet()}"));
    AtomicInteger counter = new AtomicInteger();
    Map<String, Object> inputs = Map.of("color", "red", "counter", counter);

    // when it is asked three times about the same inputs, in and outside commands
    Object first = decisions.evaluate(KEY, inputs).orElseThrow().get("answer");
    Object second = decisions.evaluate(KEY, inputs).orElseThrow().get("answer");
    Object third = engine.getCommandExecutorTxRequired()
        .execute(command -> decisions.evaluate(KEY, inputs).orElseThrow().get("answer"));

    // then each answer is a new evaluation's
    assertThat(List.of(first, second, third)).containsExactly(1, 2, 3);
  }

  @Test
  void evaluationsWriteNoDecisionHistory() {
    // given a table answering for every color, on an engine that keeps the history of decision evaluations
    deploy(table("color", "", null, "\"any\""));
    processEngine.getDecisionService().evaluateDecisionTableByKey(KEY).variables(Map.of("color", "red")).evaluate();
    long before = historicEvaluations();
    assertThat(before).isEqualTo(1);

    // when it is evaluated outside and inside commands, on inputs evaluated before and new ones
    answerOutside(Map.of("color", "red"));
    answerInside(Map.of("color", "red"));
    answerOutside(Map.of("color", "blue"));
    answerInside(Map.of("color", "green"));

    // then no evaluation was written to history
    assertThat(historicEvaluations()).isEqualTo(before);
  }

  @Test
  void noMatchingRuleIsAnEmptyAnswer() {
    // given a table answering for red only
    deploy(table("color", "\"red\"", null, "\"first\""));

    // when asked about blue, then there is no answer
    assertThat(decisions.evaluate(KEY, Map.of("color", "blue"))).isEmpty();
    Optional<Map<String, Object>> inside = engine.getCommandExecutorTxRequired()
        .execute(command -> decisions.evaluate(KEY, Map.of("color", "blue")));
    assertThat(inside).isEmpty();
  }

  @Test
  void anUnknownKeyIsNotFound() {
    // when a table that was never deployed is asked for, outside or inside a command
    // then it is refused, naming the key
    assertThatThrownBy(() -> decisions.evaluate("never-deployed", Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No decision with the key never-deployed is deployed");
    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired()
        .execute(command -> decisions.evaluate("never-deployed", Map.of())))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No decision with the key never-deployed is deployed");
  }

  private Object answerOutside(Map<String, Object> inputs) {
    return decisions.evaluate(KEY, inputs).orElseThrow().get("answer");
  }

  private Object answerInside(Map<String, Object> inputs) {
    return engine.getCommandExecutorTxRequired()
        .execute(command -> decisions.evaluate(KEY, inputs).orElseThrow().get("answer"));
  }

  private long historicEvaluations() {
    return processEngine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(KEY).count();
  }

  private String deploy(String dmn) {
    String id = processEngine.getRepositoryService().createDeployment().addString(KEY + ".dmn", dmn).deploy().getId();
    deployments.add(id);
    return id;
  }

  /**
   * A table of one input and one rule, answering {@code answer}.
   *
   * @param outputLanguage the output entry's expression language, {@code null} for the default (FEEL)
   */
  private static String table(String inputExpression, String inputEntry, String outputLanguage, String outputEntry) {
    String language = outputLanguage == null ? "" : " expressionLanguage=\"" + outputLanguage + "\"";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_Test" name="Test" namespace="http://storyflow.dev/dmn">
          <decision id="%s" name="Test" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Test" hitPolicy="FIRST">
              <input id="Input_Test">
                <inputExpression id="InputExpression_Test"><text>%s</text></inputExpression>
              </input>
              <output id="Output_Answer" name="answer" />
              <rule id="Rule_Test">
                <inputEntry id="InputEntry_Test"><text>%s</text></inputEntry>
                <outputEntry id="OutputEntry_Test"%s><text>%s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(KEY, inputExpression, inputEntry, language, outputEntry);
  }
}
