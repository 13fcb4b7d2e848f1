package dev.storyflow.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void daysCountWorkingDaysAndTimeCountsTheClock() {
    // Monday 2026-03-02 09:00 in Berlin
    Instant monday = Instant.parse("2026-03-02T08:00:00Z");
    assertThat(WorkingTime.add(monday, "P2D", BERLIN)).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
    // Friday + 2 working days = Tuesday
    Instant friday = Instant.parse("2026-03-06T08:00:00Z");
    assertThat(WorkingTime.add(friday, "P2D", BERLIN)).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    assertThat(WorkingTime.add(friday, "PT4H", BERLIN)).isEqualTo(Instant.parse("2026-03-06T12:00:00Z"));
    assertThat(WorkingTime.add(friday, "P1DT2H", BERLIN)).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    // a Saturday start: the first working day counts from Monday
    assertThat(WorkingTime.add(Instant.parse("2026-03-07T08:00:00Z"), "P1D", BERLIN))
        .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
  }

  @Test
  void monthsYearsAndNonsenseAreRefused() {
    Instant now = Instant.parse("2026-03-02T08:00:00Z");
    assertThatThrownBy(() -> WorkingTime.add(now, "P1M", BERLIN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingTime.add(now, "two days", BERLIN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingTime.add(now, "P-1D", BERLIN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingTime.add(now, null, BERLIN)).isInstanceOf(IllegalArgumentException.class);
  }
}
