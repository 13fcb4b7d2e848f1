package dev.storyflow.securityscan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The secret scan alone as a command, so that the benchmark can time it as a cold process like
 * secretlint: {@code java -cp target/classes:target/test-classes dev.storyflow.securityscan.SecretScanCli DIR}.
 * Prints one line per secret, {@code file:line rule}, never the value.
 */
public final class SecretScanCli {

  private SecretScanCli() {
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    SecretDetector detector = new SecretDetector(SecretValues.DEFAULT_MIN_ENTROPY);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    StringBuilder out = new StringBuilder();
    for (Path file : files) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      SourceFile source = SourceFile.of(relative, Files.readString(file, StandardCharsets.UTF_8));
      for (SecretDetector.Match m : detector.find(source)) {
        out.append(relative).append(':').append(source.lineOf(m.start())).append(' ').append(m.rule()).append('\n');
      }
    }
    System.out.print(out);
  }
}
