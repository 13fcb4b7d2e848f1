package dev.example.reset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResetTokensTest {

  private final ResetTokens tokens = new ResetTokens(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void issuedTokenIsValid() {
    assertTrue(tokens.isValid(tokens.issue("ada@example.org")));
  }

  @Test
  void unknownTokenIsInvalid() {
    assertFalse(tokens.isValid("not-a-token"));
  }
}
