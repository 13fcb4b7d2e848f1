package dev.storyflow.servicelevel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Adds a service-level duration to a moment: the days of an ISO-8601 duration count working days
 * (Monday to Friday, in the team's zone), its hours and minutes count clock time. {@code P2D} from
 * a Friday 10:00 is the Tuesday 10:00 after; {@code PT4H} is four hours later.
 */
final class WorkingTime {

  private WorkingTime() {
  }

  /**
   * @throws IllegalArgumentException when the text is not an ISO-8601 duration of days and time
   */
  static Instant add(Instant from, String isoDuration, ZoneId zone) {
    String text = isoDuration == null ? "" : isoDuration.strip();
    int t = text.indexOf('T');
    try {
      String datePart = t < 0 ? text : text.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(t));
      if (period.getYears() != 0 || period.getMonths() != 0 || period.isNegative() || time.isNegative()) {
        throw new IllegalArgumentException("Service levels use days, hours and minutes only: " + isoDuration);
      }
      ZonedDateTime at = from.atZone(zone);
      int days = period.getDays();
      while (days > 0) {
        at = at.plusDays(1);
        if (isWorkingDay(at.getDayOfWeek())) {
          days--;
        }
      }
      return at.toInstant().plus(time);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("Not an ISO-8601 duration: " + isoDuration, e);
    }
  }

  private static boolean isWorkingDay(DayOfWeek day) {
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
