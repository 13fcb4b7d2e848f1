package dev.storyflow.board;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A sprint's burndown: the points still to do at the end of each day from the sprint's start,
 * beside the ideal line that falls evenly from the points committed to none on the end date.
 * A story's points are done on the day it reached Done.
 *
 * @param start the sprint's first day
 * @param end its last day; {@code null} when it has none (then there is no ideal line)
 * @param through the last day with a known remainder: today, or the day the sprint closed
 */
record Burndown(LocalDate start, LocalDate end, LocalDate through) {

  /** A year of days at most, whatever dates a sprint was given. */
  static final int MAX_DAYS = 366;

  /**
   * One day of the burndown.
   *
   * @param remainingPoints {@code null} for days still to come
   * @param idealPoints {@code null} when the sprint has no end date
   */
  public record Day(LocalDate date, Integer remainingPoints, Double idealPoints) {
  }

  /** A story's points, and the day it reached Done ({@code null} while it is not done). */
  record Story(int points, LocalDate doneOn) {
  }

  List<Day> days(List<Story> stories) {
    int committed = stories.stream().mapToInt(Story::points).sum();
    LocalDate last = end == null || through.isAfter(end) ? through : end;
    if (last.isBefore(start)) {
      last = start;
    }
    long span = end == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(start, end));
    List<Day> days = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(last) && days.size() < MAX_DAYS; day = day.plusDays(1)) {
      Integer remaining = day.isAfter(through) ? null : committed - doneBy(day, stories);
      days.add(new Day(day, remaining, ideal(committed, ChronoUnit.DAYS.between(start, day), span)));
    }
    return days;
  }

  private Double ideal(int committed, long dayIndex, long span) {
    if (end == null) {
      return null;
    }
    if (dayIndex >= span) {
      return 0.0;
    }
    return Math.round(committed * (span - dayIndex) * 10.0 / span) / 10.0;
  }

  private static int doneBy(LocalDate day, List<Story> stories) {
    return stories.stream().filter(s -> s.doneOn() != null && !s.doneOn().isAfter(day)).mapToInt(Story::points).sum();
  }
}
