package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Precision and recall of the scan on the fixture corpus. Run alone with
 * {@code mvn -B test -Dtest=SecurityScanCorpusTest}; prints the figures and writes them to
 * {@code target/securityscan/corpus-metrics.md}. Also writes the corpus with its fake secrets to
 * {@code target/securityscan/corpus}, the planted secrets to {@code planted.tsv} and the scan as
 * SARIF to {@code corpus.sarif}.
 */
class SecurityScanCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityScanCorpusTest.class);
  static final Path OUT = Path.of("target/securityscan");

  @Test
  void findsEveryPlantedSecretAndInsecureCodeWithFewFalseAlarms() throws IOException {
    // given
    Corpus.Materialized corpus = Corpus.materialize(OUT.resolve("corpus"));
    SecurityScanner scanner = new SecurityScanner(SecurityScanProperties.defaults(), new ObjectMapper());

    // when
    SecurityScanner.Result result = scanner.scan(corpus.root());

    // then
    Set<String> planted = corpus.planted().stream().map(p -> p.file() + ":" + p.line()).collect(Collectors.toSet());
    Set<String> secretsFound = result.findings().stream().filter(Finding::secret)
        .map(f -> f.file() + ":" + f.line()).collect(Collectors.toSet());
    Set<String> expectedCode = corpus.code().stream().map(c -> c.file() + ":" + c.line() + " " + c.rule())
        .collect(Collectors.toSet());
    Set<String> codeFound = result.findings().stream().filter(f -> !f.secret())
        .map(f -> f.file() + ":" + f.line() + " " + f.rule()).collect(Collectors.toSet());
    Metrics secrets = Metrics.of(planted, secretsFound);
    Metrics code = Metrics.of(expectedCode, codeFound);
    String report = report(corpus, result, secrets, code);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("corpus-metrics.md"), report, StandardCharsets.UTF_8);
    Files.write(OUT.resolve("planted.tsv"), corpus.planted().stream()
        .map(p -> p.file() + "\t" + p.line() + "\t" + p.type()).toList(), StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    ScanReport reports = new ScanReport(json);
    Map<String, Object> scan = reports.of(result, ScanReport.Counts.of(result), new SecurityGate.Verdict("BLOCK", "corpus"),
        false, "corpus.sarif", 1000);
    Files.writeString(OUT.resolve("corpus.sarif"), new SarifLog(json).write(json.valueToTree(scan)), StandardCharsets.UTF_8);
    LOG.info("Security scan on the fixture corpus:\n{}", report);

    assertThat(secrets.missed()).as("planted secrets missed").isEmpty();
    assertThat(secrets.recall()).isEqualTo(1.0);
    assertThat(secrets.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(code.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(code.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(result.tools()).allMatch(SecurityScanner.ToolRun::ok);
  }

  private static String report(Corpus.Materialized corpus, SecurityScanner.Result result, Metrics secrets, Metrics code) {
    List<String> lines = new ArrayList<>();
    lines.add("# Security scan on the fixture corpus");
    lines.add("");
    lines.add(corpus.files() + " files, " + corpus.planted().size() + " planted secrets, "
        + (corpus.placed().size() - corpus.planted().size()) + " secret look-alikes, " + corpus.code().size()
        + " planted insecure code locations; scanned in " + result.duration().toMillis() + " ms.");
    lines.add("");
    lines.add("| kind | expected | found | false alarms | precision | recall |");
    lines.add("|---|---|---|---|---|---|");
    lines.add(secrets.row("secrets"));
    lines.add(code.row("insecure code"));
    lines.add("");
    lines.add("Missed: " + (secrets.missed().isEmpty() && code.missed().isEmpty() ? "none"
        : String.join(", ", secrets.missed()) + " " + String.join(", ", code.missed())));
    lines.add("False alarms: " + (secrets.falseAlarms().isEmpty() && code.falseAlarms().isEmpty() ? "none"
        : String.join(", ", secrets.falseAlarms()) + " " + String.join(", ", code.falseAlarms())));
    return String.join("\n", lines) + "\n";
  }
}
