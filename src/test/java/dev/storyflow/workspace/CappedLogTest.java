package dev.storyflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedLogTest {

  @Test
  void keepsTheBeginningAndTheEndOfLongOutput() {
    // given
    CappedLog log = new CappedLog(1024);
    StringBuilder output = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      output.append("line ").append(i).append('\n');
    }
    byte[] bytes = output.toString().getBytes(StandardCharsets.UTF_8);

    // when
    log.write(bytes, 0, bytes.length);

    // then
    assertThat(log.droppedBytes()).isEqualTo(bytes.length - 1024);
    assertThat(log.toString()).startsWith("line 0\n").endsWith("line 999\n").contains("bytes of output left out")
        .doesNotContain("line 500\n");
    assertThat(log.excerpt(2, 100)).isEqualTo("line 998\nline 999");
  }

  @Test
  void shortOutputIsKeptWhole() {
    CappedLog log = new CappedLog(4096);
    byte[] bytes = "all good\n".getBytes(StandardCharsets.UTF_8);
    log.write(bytes, 0, bytes.length);
    assertThat(log).hasToString("all good\n");
    assertThat(log.droppedBytes()).isZero();
  }
}
