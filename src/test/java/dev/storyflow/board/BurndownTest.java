package dev.storyflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.board.Burndown.Day;
import dev.storyflow.board.Burndown.Story;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The burndown's days, computed by hand: points left at the end of each day, and the ideal line. */
class BurndownTest {

  static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

  /** 3 points done on Tuesday, 5 and 2 on Thursday, 6 still open: 16 committed. */
  static final List<Story> STORIES = List.of(new Story(3, MONDAY.plusDays(1)), new Story(5, MONDAY.plusDays(3)),
      new Story(2, MONDAY.plusDays(3)), new Story(6, null));

  @Test
  void pointsLeftFallOnTheDaysStoriesAreDoneAndTheIdealLineReachesNoneOnTheEndDate() {
    List<Day> days = new Burndown(MONDAY, FRIDAY, MONDAY.plusDays(3)).days(STORIES);

    assertThat(days).containsExactly(
        new Day(MONDAY, 16, 16.0),
        new Day(MONDAY.plusDays(1), 13, 12.0),
        new Day(MONDAY.plusDays(2), 13, 8.0),
        new Day(MONDAY.plusDays(3), 6, 4.0),
        new Day(FRIDAY, null, 0.0));
  }

  @Test
  void aSprintWithoutAnEndDateRunsToTodayWithoutAnIdealLine() {
    List<Day> days = new Burndown(MONDAY, null, MONDAY.plusDays(1)).days(STORIES);

    assertThat(days).containsExactly(new Day(MONDAY, 16, null), new Day(MONDAY.plusDays(1), 13, null));
  }

  @Test
  void aSprintPastItsEndGoesOnToTodayWithTheIdealAtNone() {
    List<Day> days = new Burndown(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3)).days(STORIES);

    assertThat(days).extracting(Day::remainingPoints).containsExactly(16, 13, 13, 6);
    assertThat(days).extracting(Day::idealPoints).containsExactly(16.0, 0.0, 0.0, 0.0);
  }

  @Test
  void aSprintNotStartedYetHasOnlyItsIdealLine() {
    List<Day> days = new Burndown(MONDAY, MONDAY.plusDays(2), MONDAY.minusDays(3)).days(STORIES);

    assertThat(days).extracting(Day::remainingPoints).containsExactly(null, null, null);
    assertThat(days).extracting(Day::idealPoints).containsExactly(16.0, 8.0, 0.0);
  }

  @Test
  void aStoryDoneBeforeTheSprintStartedIsNotLeftOnItsFirstDay() {
    List<Day> days = new Burndown(MONDAY, FRIDAY, MONDAY)
        .days(List.of(new Story(4, MONDAY.minusDays(2)), new Story(1, null)));

    assertThat(days.get(0)).isEqualTo(new Day(MONDAY, 1, 5.0));
  }

  @Test
  void theIdealLineIsRoundedToOneDecimal() {
    List<Day> days = new Burndown(MONDAY, MONDAY.plusDays(3), MONDAY).days(List.of(new Story(10, null)));

    assertThat(days).extracting(Day::idealPoints).containsExactly(10.0, 6.7, 3.3, 0.0);
  }

  @Test
  void datesFarApartGiveAYearOfDaysAtMost() {
    List<Day> days = new Burndown(MONDAY, MONDAY.plusYears(30), MONDAY).days(STORIES);

    assertThat(days).hasSize(Burndown.MAX_DAYS);
  }
}
