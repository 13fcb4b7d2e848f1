package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniquenessCheckTest {

  private final UniquenessCheck check = new UniquenessCheck();

  private final StoryText renew = Stories.ready().id("LIB-2").title("Renew a borrowed book")
      .statement("library member", "to renew a borrowed book online", "I avoid a late fee").text();

  @Test
  void nearDuplicateOfAnotherStoryIsAnError() {
    // given
    StoryText again = Stories.ready().id("LIB-80").title("Renew loans")
        .statement("member", "to renew books I have borrowed online", "I avoid late fees").text();

    // when
    List<Finding> findings = check.check(again, StoryCorpus.of(List.of(renew, again)));

    // then
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.criterion()).isEqualTo(Criterion.UNIQUE);
      assertThat(f.severity()).isEqualTo(Rules.severity(f.rule()));
      assertThat(f.message()).contains("LIB-2").contains("100 %");
      assertThat(f.evidence()).isEqualTo(new Evidence("iWant", null,
          "LIB-2: to renew a borrowed book online so that I avoid a late fee"));
    });
  }

  @Test
  void anotherFeatureOnTheSameThingsIsUnique() {
    StoryText reserve = Stories.ready().id("LIB-82").title("Reserve a book on loan")
        .statement("library member", "to reserve a book that is currently on loan", "I get it when it is back").text();

    assertThat(check.check(reserve, StoryCorpus.of(List.of(renew, reserve)))).isEmpty();
  }

  @Test
  void aStoryIsNeverItsOwnDuplicate() {
    assertThat(check.check(renew, StoryCorpus.of(List.of(renew, renew)))).isEmpty();
  }

  @Test
  void sameTitleNeedsOnlyHalfTheWords() {
    StoryText other = Stories.ready().id("LIB-90").title("Renew a borrowed book")
        .statement("member", "to renew a book online", "there is no fee").text();

    assertThat(check.check(other, StoryCorpus.of(List.of(renew)))).hasSize(1);
  }

  @Test
  void atMostFiveDuplicatesAreReportedAmongManyStories() {
    // given
    List<StoryText> stories = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      stories.add(Stories.ready().id("GEN-" + i).title("Story " + i)
          .statement("user", "to see report number" + i + " of team" + (i % 50), "I know figure" + i).text());
    }
    for (int i = 0; i < 8; i++) {
      stories.add(Stories.ready().id("DUP-" + i).text());
    }

    // when
    StoryCorpus corpus = StoryCorpus.of(stories);

    // then
    assertThat(check.check(stories.get(3), corpus)).isEmpty();
    assertThat(check.check(Stories.ready().id("NEW-1").text(), corpus)).hasSize(StoryCorpus.MAX_MATCHES);
  }
}
