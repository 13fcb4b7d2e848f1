package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.feasibility.PublicStorySet.Labelled;
import dev.storyflow.feasibility.PublicStorySet.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public story set is complete, labelled, and split as its seed says. */
class PublicStorySetTest {

  @Test
  void holdsAtLeastFourHundredLabelledStoriesWithUniqueIds() {
    List<Labelled> stories = PublicStorySet.load();

    assertThat(stories).hasSizeGreaterThanOrEqualTo(400);
    assertThat(stories).extracting(s -> s.story().storyId()).doesNotHaveDuplicates();
    assertThat(stories).filteredOn(s -> !s.violates().isEmpty()).hasSizeGreaterThan(100);
  }

  @Test
  void storedSplitIsTheSeededOne() {
    assertThat(PublicStorySet.readSplit()).containsExactlyInAnyOrderEntriesOf(PublicStorySet.seededSplit());
  }

  @Test
  void bothPartsHoldEveryBacklog() {
    List<Labelled> stories = PublicStorySet.load();

    assertThat(stories.stream().filter(s -> s.part() == Part.TEST).map(Labelled::backlog).distinct())
        .containsExactlyInAnyOrderElementsOf(stories.stream().map(Labelled::backlog).distinct().toList());
    assertThat(stories).filteredOn(s -> s.part() == Part.DEVELOPMENT).hasSizeBetween(
        (int) (stories.size() * 0.55), (int) (stories.size() * 0.65));
  }

  @Test
  void aLaterBatchLeavesTheSplitOfTheEarlierOnesAsItWas() {
    List<Labelled> first = PublicStorySet.load().stream().filter(s -> s.batch() == 1).toList();

    assertThat(first).hasSize(531);
    assertThat(first).filteredOn(s -> s.part() == Part.DEVELOPMENT).hasSize(320);
    List<Labelled> second = PublicStorySet.load().stream().filter(s -> s.batch() == 2).toList();
    assertThat(second).hasSize(152);
    assertThat(second).filteredOn(s -> s.part() == Part.DEVELOPMENT).hasSize(91);
    List<Labelled> third = PublicStorySet.load().stream().filter(s -> s.batch() == 3).toList();
    assertThat(third).hasSize(226);
    assertThat(third).filteredOn(s -> s.part() == Part.DEVELOPMENT).hasSize(135);
    List<Labelled> fourth = PublicStorySet.load().stream().filter(s -> s.batch() == 4).toList();
    assertThat(fourth).hasSize(208);
    assertThat(fourth).filteredOn(s -> s.part() == Part.DEVELOPMENT).hasSize(125);
    assertThat(PublicStorySet.load()).extracting(Labelled::batch).containsOnly(1, 2, 3, 4);
  }

  @Test
  void acceptanceCriteriaAreLabelledOnlyWhereTheSourceHasThem() {
    assertThat(PublicStorySet.load()).allSatisfy(s -> assertThat(s.criteriaLabelled())
        .isEqualTo(s.story().acceptanceCriteria() != null && !s.story().acceptanceCriteria().isEmpty()));
  }
}
