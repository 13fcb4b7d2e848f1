package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.tasklist.NextStoryId.Numbered;
import org.junit.jupiter.api.Test;

/** The ids the start form suggests: the team's numbering, per epic a hundred. */
class NextStoryIdTest {

  @Test
  void anIdOfPrefixAndNumberCountsOnKeepingItsWidth() {
    assertThat(Numbered.of("US-124").orElseThrow().plus(1)).hasToString("US-125");
    assertThat(Numbered.of("BL-007").orElseThrow().plus(1)).hasToString("BL-008");
    assertThat(Numbered.of("US-199").orElseThrow().plus(1)).hasToString("US-200");
  }

  @Test
  void aNewEpicStartsAtTheNextHundred() {
    assertThat(Numbered.of("US-124").orElseThrow().nextHundred()).hasToString("US-201");
    assertThat(Numbered.of("US-5").orElseThrow().nextHundred()).hasToString("US-101");
  }

  @Test
  void idsThatAreNotPrefixAndNumberAreNotCounted() {
    assertThat(Numbered.of("US-1a2b3c4d")).isEmpty();
    assertThat(Numbered.of("invoices")).isEmpty();
    assertThat(Numbered.of("2024-11")).isEmpty();
    assertThat(Numbered.of(null)).isEmpty();
  }
}
