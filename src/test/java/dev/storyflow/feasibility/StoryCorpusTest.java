package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The duplicate search among many stories that share common words: words are counted only up to a
 * bound, and the weighting by rarity still tells a near-duplicate from a story that differs by a
 * rare word; a story with no rare word is compared with the stories holding its least common one.
 */
class StoryCorpusTest {

  @Test
  void theWeightingDecidesAmongThousandsOfStoriesSharingCommonWords() {
    // given 3,000 stories that differ by their customer, half of them monthly
    List<StoryText> stories = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      stories.add(story("EX-" + i, "to export the report of customer" + i + " for team" + i % 2
          + (i % 2 == 0 ? " monthly" : "")));
    }
    StoryCorpus corpus = StoryCorpus.of(stories);

    // when a story repeats one of them with a common word more, and another with a word no story has
    List<StoryCorpus.Match> again = corpus.duplicatesOf(story("NEW-1", "to export the report of customer41 for team1"
        + " monthly"));
    List<StoryCorpus.Match> other = corpus.duplicatesOf(story("NEW-2", "to export the report of customer41 for team1"
        + " quarterly"));

    // then the first duplicates it, the second does not: the rare word weighs more than the common ones
    assertThat(again).extracting(StoryCorpus.Match::storyId).containsExactly("EX-41");
    assertThat(other).isEmpty();
  }

  @Test
  void aStoryWithOnlyCommonWordsIsComparedWithTheStoriesHoldingItsLeastCommonWord() {
    // given 500 stories on two shelves, all printing labels; the red shelf's are the later 250
    List<StoryText> stories = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      stories.add(story("SH-" + i, "to print the label of the " + (i < 250 ? "blue" : "red") + " shelf"));
    }
    StoryCorpus corpus = StoryCorpus.of(stories);

    // when a story asks again for what one of the red shelf's stories asks
    List<StoryCorpus.Match> found = corpus.duplicatesOf(story("NEW-1", "to print the label of the red shelf"));

    // then it is compared with red-shelf stories (the first hundred of them), not with the first stories of all
    assertThat(found).hasSize(StoryCorpus.MAX_MATCHES)
        .allSatisfy(m -> assertThat(Integer.parseInt(m.storyId().substring(3))).isBetween(250, 349));
  }

  private static StoryText story(String storyId, String iWant) {
    return Stories.ready().id(storyId).title("Story " + storyId).statement("clerk", iWant, "the numbers add up")
        .text();
  }
}
