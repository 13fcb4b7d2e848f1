package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code processes/security-gate.dmn}, one row per rule, and the file's shape. */
class SecurityGateDecisionTest {

  @Test
  void decisionOpensInModelerWithDiagramHistoryTimeToLiveAndCamundaStyleIds() throws Exception {
    // given
    String xml = Files.readString(Path.of("processes/security-gate.dmn"));
    DmnModelInstance model = Dmn.readModelFromFile(Path.of("processes/security-gate.dmn").toFile());

    // then
    Decision decision = model.getModelElementById(SecurityGate.DECISION);
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(xml).contains("<dmndi:DMNShape id=\"DMNShape_SecurityGate\" dmnElementRef=\"security-gate\">")
        .contains("<dc:Bounds ");
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(xml);
    while (ids.find()) {
      assertThat(ids.group(1)).satisfiesAnyOf(
          id -> assertThat(id).isEqualTo(SecurityGate.DECISION),
          id -> assertThat(id).matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+"));
    }
  }

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "nothing scanned,            false, 0, 0, 0, 0, 0, 0, 0, false, REVIEW",
      "a secret,                   true,  1, 1, 0, 0, 0, 0, 0, false, BLOCK",
      "critical code finding,      true,  0, 1, 0, 0, 0, 0, 0, false, BLOCK",
      "high in a sensitive story,  true,  0, 0, 1, 0, 0, 0, 0, true,  BLOCK",
      "high,                       true,  0, 0, 1, 0, 0, 0, 0, false, REVIEW",
      "medium,                     true,  0, 0, 0, 1, 0, 0, 0, false, REVIEW",
      "a scanner failed,           true,  0, 0, 0, 0, 0, 1, 0, false, REVIEW",
      "allowed findings,           true,  0, 0, 0, 0, 0, 0, 2, false, REVIEW",
      "low in a sensitive story,   true,  0, 0, 0, 0, 3, 0, 0, true,  REVIEW",
      "low,                        true,  0, 0, 0, 0, 3, 0, 0, false, PASS",
      "clean,                      true,  0, 0, 0, 0, 0, 0, 0, false, PASS"})
  void verdict(String label, boolean scanned, int secrets, int critical, int high, int medium, int low,
      int scannerFailures, int suppressed, boolean sensitive, String verdict) throws Exception {
    // given
    DmnDecision decision;
    try (InputStream dmn = Files.newInputStream(Path.of("processes/security-gate.dmn"))) {
      decision = DMN.parseDecision(SecurityGate.DECISION, dmn);
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("scanned", scanned);
    inputs.put("secrets", secrets);
    inputs.put("critical", critical);
    inputs.put("high", high);
    inputs.put("medium", medium);
    inputs.put("low", low);
    inputs.put("scannerFailures", scannerFailures);
    inputs.put("suppressed", suppressed);
    inputs.put("securitySensitive", sensitive);

    // when
    String result = DMN.evaluateDecisionTable(decision, inputs).getSingleResult().getEntry("verdict");

    // then
    assertThat(result).isEqualTo(verdict);
  }
}
