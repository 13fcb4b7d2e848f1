package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner on small workspaces: scope, allow-listing, masking and external SARIF. */
class SecurityScannerTest {

  @TempDir
  Path temp;

  final ObjectMapper json = new ObjectMapper();
  final FakeSecrets fakes = new FakeSecrets(42);

  @Test
  void changedScopeReadsOnlyWhatTheStoryBranchChangedAndAllReadsEverything() {
    // given one branch with a secret and another with only a clean change
    Path repo = TestWorkspaces.create(temp, "US-1");
    TestWorkspaces.commitFiles(repo, Map.of("legacy.properties", "db.password=" + fakes.make("password") + "\n"),
        "Story work with a secret");
    Path base = TestWorkspaces.create(temp, "US-2");
    TestWorkspaces.commitFiles(base, Map.of("src/App.java", "class App {}\n"), "Story work");

    // when
    SecurityScanner.Result changed = scanner(SecurityScanProperties.defaults()).scan(base);
    SecurityScanner.Result all = scanner(SecurityScanProperties.defaults().withScope(SecurityScanProperties.Scope.ALL))
        .scan(repo);

    // then
    assertThat(changed.selection().files()).containsExactly("src/App.java");
    assertThat(changed.selection().base()).startsWith("main@");
    assertThat(all.selection().files()).contains("README.md", "legacy.properties");
    assertThat(all.findings()).extracting(Finding::rule).containsExactly("secret.generic-assignment");
  }

  @Test
  void allowListFileAndInlineMarkerSuppressButKeepTheFindings() throws IOException {
    // given
    write("docs/setup.md", "token: " + fakes.make("github-pat") + "\n");
    write("src/Config.java", "class Config { String apiKey = \"" + fakes.make("hex-api-key") + "\"; // storyflow:allow test fixture\n}\n");
    write("src/Other.java", "class Other { String apiKey = \"" + fakes.make("hex-api-key") + "\"; }\n");
    write(".security-allowlist", "# documentation examples\ndocs/** # examples for readers\n");

    // when
    SecurityScanner.Result result = scanner(SecurityScanProperties.defaults()).scan(temp);

    // then
    assertThat(result.active()).extracting(Finding::file).containsExactly("src/Other.java");
    assertThat(result.suppressed()).extracting(Finding::suppression)
        .containsExactlyInAnyOrder(".security-allowlist: examples for readers", "inline marker storyflow:allow");
  }

  @Test
  void snippetsMaskTheSecretAndKeepOnlyAPublicPrefix() throws IOException {
    // given
    String key = fakes.make("aws-key-id");
    String password = fakes.make("password");
    write("app.env", "AWS_ACCESS_KEY_ID=" + key + "\nDB_PASSWORD=" + password + "\n");

    // when
    List<Finding> findings = scanner(SecurityScanProperties.defaults()).scan(temp).findings();

    // then
    assertThat(findings).extracting(Finding::snippet)
        .containsExactly("AWS_ACCESS_KEY_ID=AKIA********", "DB_PASSWORD=********");
    assertThat(findings).allSatisfy(f -> assertThat(f.fingerprint()).hasSize(16));
  }

  @Test
  void externalScannerSarifIsMergedAndMaskedAndAFailingScannerIsReported() throws IOException {
    // given a scanner that prints SARIF which echoes a secret, and one that hangs
    String token = fakes.make("slack-bot");
    write("src/app.py", "print('hello')\n");
    Path sarif = write("../external.sarif", """
        {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"leakfinder","version":"3.1",
          "rules":[{"id":"slack-token","properties":{"tags":["secret"],"security-severity":"9.1"}}]}},
          "results":[{"ruleId":"slack-token","level":"error","message":{"text":"Found %s"},
            "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/app.py"},
              "region":{"startLine":1,"snippet":{"text":"token = '%s'"}}}}]}]}]}
        """.formatted(token, token));
    SecurityScanProperties properties = SecurityScanProperties.defaults().withScanners(List.of(
        new SecurityScanProperties.ExternalScanner("leakfinder", List.of("cat", sarif.toString()), Duration.ofSeconds(10)),
        new SecurityScanProperties.ExternalScanner("slow", List.of("sleep", "5"), Duration.ofMillis(300))));

    // when
    SecurityScanner.Result result = scanner(properties).scan(temp);

    // then
    Finding external = result.findings().stream().filter(f -> f.tool().equals("leakfinder")).findFirst().orElseThrow();
    assertThat(external.secret()).isTrue();
    assertThat(external.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(external.message()).doesNotContain(token);
    assertThat(result.tools()).extracting(SecurityScanner.ToolRun::name, SecurityScanner.ToolRun::ok)
        .contains(org.assertj.core.groups.Tuple.tuple("leakfinder", true), org.assertj.core.groups.Tuple.tuple("slow", false));
    assertThat(result.tools().stream().filter(t -> t.name().equals("slow")).findFirst().orElseThrow().message())
        .contains("timed out");
  }

  @Test
  void sarifLogHasOneRunPerToolWithRulesLevelsAndSuppressions() throws IOException {
    // given
    write("Dao.java", "class Dao { Object q(java.sql.Statement s, String id) throws Exception {"
        + " return s.executeQuery(\"SELECT * FROM t WHERE id = \" + id); } }\n");
    write("app.env", "API_TOKEN=" + fakes.make("bearer") + " # storyflow:allow\n");
    SecurityScanner.Result result = scanner(SecurityScanProperties.defaults()).scan(temp);
    ScanReport reports = new ScanReport(json);
    ScanReport.Counts counts = ScanReport.Counts.of(result);
    Map<String, Object> report = reports.of(result, counts, new SecurityGate.Verdict("REVIEW", "High findings"), false,
        ".storyflow/security.sarif", 500);

    // when
    JsonNode sarif = json.readTree(new SarifLog(json).write(json.valueToTree(report)));

    // then
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs").findValuesAsText("name")).contains("storyflow", "pmd");
    JsonNode pmdRun = sarif.path("runs").get(1);
    assertThat(pmdRun.path("tool").path("driver").path("rules").get(0).path("id").asText())
        .isEqualTo("java.SqlStringConcatenation");
    assertThat(pmdRun.path("results").get(0).path("level").asText()).isEqualTo("error");
    assertThat(pmdRun.path("results").get(0).path("locations").get(0).path("physicalLocation")
        .path("region").path("startLine").asInt()).isEqualTo(1);
    JsonNode suppressed = sarif.path("runs").get(0).path("results").get(0);
    assertThat(suppressed.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
    assertThat(counts.high()).isEqualTo(1);
    assertThat(counts.suppressed()).isEqualTo(1);
  }

  private SecurityScanner scanner(SecurityScanProperties properties) {
    return new SecurityScanner(properties, json);
  }

  private Path write(String path, String content) throws IOException {
    Path file = temp.resolve(path).normalize();
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
