package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares Storyflow's secret scan with secretlint (recommended preset) on the fixture corpus:
 * recall on the planted secrets and false alarms on the look-alikes, side by side, and the time
 * ratio. Not part of {@code mvn verify}: run {@code benchmarks/secretlint-benchmark.sh}, which
 * installs secretlint into a cache folder and passes it as {@code -Dsecretlint.home}. Writes
 * {@code target/securityscan/secretlint-benchmark.md}. Set {@code -Dbenchmark.corpus=DIR} (with
 * {@code DIR/planted.tsv}: file, line, type) to measure on another corpus.
 */
class SecretlintBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(SecretlintBenchmark.class);
  private static final int RUNS = 5;

  @Test
  void compareWithSecretlint() throws Exception {
    String home = System.getProperty("secretlint.home");
    Assumptions.assumeTrue(home != null, "run benchmarks/secretlint-benchmark.sh");
    Path secretlint = Path.of(home, "node_modules/.bin/secretlint");
    assertThat(secretlint).exists();

    // the corpus: ours (written out with fake secrets) or one given
    Path root;
    Map<String, String> planted = new TreeMap<>();
    String given = System.getProperty("benchmark.corpus");
    if (given == null) {
      Corpus.Materialized corpus = Corpus.materialize(SecurityScanCorpusTest.OUT.resolve("benchmark-corpus"));
      root = corpus.root();
      corpus.planted().forEach(p -> planted.put(p.file() + ":" + p.line(), p.type()));
    } else {
      root = Path.of(given).resolve("files");
      for (String line : Files.readAllLines(Path.of(given, "planted.tsv"))) {
        String[] p = line.split("\t");
        planted.put(p[0] + ":" + p[1], p.length > 2 ? p[2] : "secret");
      }
    }
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }

    // Storyflow: cold process (JVM start included) and warm, in-process
    List<String> cli = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        "target/classes" + File.pathSeparator + "target/test-classes", SecretScanCli.class.getName(), root.toString());
    Run ours = run(cli, Path.of("."));
    Set<String> oursFound = Arrays.stream(ours.stdout().split("\n")).filter(l -> !l.isBlank())
        .map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet());
    double warmMs = warm(root, files);

    // secretlint: cold process, recommended preset, masked output
    List<String> sl = new ArrayList<>(List.of(secretlint.toString(), "--format", "json", "--no-color", "--no-glob",
        "--no-gitignore", "--secretlintrcJSON", "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}"));
    sl.addAll(files);
    Run theirs = run(sl, root);
    Set<String> theirsFound = new HashSet<>();
    for (JsonNode file : new ObjectMapper().readTree(theirs.stdout())) {
      String path = root.toAbsolutePath().relativize(Path.of(file.path("filePath").asText()).toAbsolutePath())
          .toString().replace('\\', '/');
      file.path("messages").forEach(m -> theirsFound.add(path + ":" + m.path("loc").path("start").path("line").asInt()));
    }

    Metrics a = Metrics.of(planted.keySet(), oursFound);
    Metrics b = Metrics.of(planted.keySet(), theirsFound);
    List<String> out = new ArrayList<>();
    out.add("# Secret scan: Storyflow vs secretlint");
    out.add("");
    out.add(files.size() + " files, " + planted.size() + " planted secrets (corpus: " + (given == null ? "fixture corpus" : given)
        + "). secretlint: recommended preset. Times: median of " + RUNS + " runs on this machine.");
    out.add("");
    out.add("| scanner | planted | found | false alarms | precision | recall |");
    out.add("|---|---|---|---|---|---|");
    out.add(a.row("Storyflow"));
    out.add(b.row("secretlint"));
    out.add("");
    out.add(String.format(Locale.ROOT, "| time | Storyflow | secretlint | ratio (Storyflow / secretlint) |%n|---|---|---|---|%n"
        + "| cold process | %.0f ms | %.0f ms | %.2f |%n| Storyflow in-process, warm | %.1f ms | | %.3f |",
        ours.medianMs(), theirs.medianMs(), ours.medianMs() / theirs.medianMs(), warmMs, warmMs / theirs.medianMs()));
    out.add("");
    out.add("Recall by type (found / planted):");
    out.add("");
    out.add("| type | planted | Storyflow | secretlint |");
    out.add("|---|---|---|---|");
    Map<String, List<String>> byType = planted.entrySet().stream()
        .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    byType.forEach((type, at) -> out.add("| " + type + " | " + at.size() + " | " + at.stream().filter(oursFound::contains).count()
        + " | " + at.stream().filter(theirsFound::contains).count() + " |"));
    out.add("");
    out.add("False alarms, Storyflow: " + (a.falseAlarms().isEmpty() ? "none" : String.join(", ", a.falseAlarms())));
    out.add("False alarms, secretlint: " + (b.falseAlarms().isEmpty() ? "none" : String.join(", ", b.falseAlarms())));
    String report = String.join("\n", out) + "\n";
    Files.createDirectories(SecurityScanCorpusTest.OUT);
    Files.writeString(SecurityScanCorpusTest.OUT.resolve("secretlint-benchmark.md"), report, StandardCharsets.UTF_8);
    LOG.info("\n{}", report);
  }

  private record Run(String stdout, double medianMs) {
  }

  private static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
    double[] times = new double[RUNS];
    String stdout = "";
    for (int i = 0; i < RUNS; i++) {
      Path out = Files.createTempFile("bench", ".out");
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command.get(0));
      }
      times[i] = (System.nanoTime() - start) / 1e6;
      if (p.exitValue() != 0 && p.exitValue() != 1) {
        throw new IllegalStateException(command.get(0) + " exited with " + p.exitValue());
      }
      stdout = Files.readString(out, StandardCharsets.UTF_8);
      Files.delete(out);
    }
    Arrays.sort(times);
    return new Run(stdout, times[RUNS / 2]);
  }

  private static double warm(Path root, List<String> files) throws IOException {
    SecretDetector detector = new SecretDetector(SecretValues.DEFAULT_MIN_ENTROPY);
    List<SourceFile> sources = new ArrayList<>();
    for (String f : files) {
      sources.add(SourceFile.of(f, Files.readString(root.resolve(f), StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < 20; i++) {
      sources.forEach(detector::find);
    }
    double[] times = new double[RUNS * 4];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      sources.forEach(detector::find);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
