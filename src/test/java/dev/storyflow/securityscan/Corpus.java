package dev.storyflow.securityscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixture corpus under {@code src/test/resources/securityscan/corpus}: files with planted
 * secrets and insecure code, and clean look-alikes. Secrets are stored as placeholders
 * {@code %%FAKE:type%%} and made by {@link FakeSecrets} when the corpus is written out; the
 * planted ones are the expected secret findings. Expected code findings are listed in
 * {@code expected-code.tsv} (file, line, rule).
 */
final class Corpus {

  static final Path SOURCE = Path.of("src/test/resources/securityscan/corpus");
  static final Path EXPECTED_CODE = Path.of("src/test/resources/securityscan/expected-code.tsv");
  private static final Pattern PLACEHOLDER = Pattern.compile("%%FAKE:([a-z0-9-]+)%%");

  /** A secret planted at a line (or a look-alike, when its type is not planted). */
  record Placed(String file, int line, String type, String value) {

    boolean planted() {
      return FakeSecrets.PLANTED.contains(type);
    }
  }

  /** An expected code finding. */
  record Expected(String file, int line, String rule) {
  }

  /** The corpus written out, with what it holds. */
  record Materialized(Path root, List<Placed> placed, List<Expected> code, int files) {

    List<Placed> planted() {
      return placed.stream().filter(Placed::planted).toList();
    }
  }

  private Corpus() {
  }

  static Materialized materialize(Path target) {
    try {
      if (Files.exists(target)) {
        try (Stream<Path> old = Files.walk(target)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      List<Placed> placed = new ArrayList<>();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(SOURCE)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path source : files) {
        String relative = SOURCE.relativize(source).toString().replace('\\', '/');
        String text = Files.readString(source, StandardCharsets.UTF_8);
        FakeSecrets fakes = new FakeSecrets(relative.hashCode());
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
          out.append(text, at, m.start());
          int line = (int) out.chars().filter(c -> c == '\n').count() + 1;
          String value = fakes.make(m.group(1));
          placed.add(new Placed(relative, line, m.group(1), value));
          out.append(value);
          at = m.end();
        }
        out.append(text.substring(at));
        Path written = target.resolve(relative);
        Files.createDirectories(written.getParent());
        Files.writeString(written, out, StandardCharsets.UTF_8);
      }
      List<Expected> code = Files.readAllLines(EXPECTED_CODE, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .map(p -> new Expected(p[0], Integer.parseInt(p[1]), p[2]))
          .toList();
      return new Materialized(target, placed, code, files.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
