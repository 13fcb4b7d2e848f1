package dev.example.reset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResetTokensTest {

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final ResetTokens tokens = new ResetTokens(clock);

  @Test
  void issuedTokenIsValid() {
    assertTrue(tokens.isValid(tokens.issue("ada@example.org")));
  }

  @Test
  void unknownTokenIsInvalid() {
    assertFalse(tokens.isValid("not-a-token"));
  }

  @Test
  void linkWorksWithin30Minutes() {
    String token = tokens.issue("ada@example.org");
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertTrue(tokens.isValid(token));
  }

  @Test
  void linkOlderThan30MinutesIsRefused() {
    String token = tokens.issue("ada@example.org");
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    assertFalse(tokens.isValid(token));
  }
}
