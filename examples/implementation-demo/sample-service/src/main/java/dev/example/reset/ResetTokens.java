package dev.example.reset;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Issues the tokens of password reset links and tells whether a link's token is valid. */
public final class ResetTokens {

  private final Clock clock;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();

  public ResetTokens(Clock clock) {
    this.clock = clock;
  }

  /** A new token for the reset link sent to {@code email}. */
  public String issue(String email) {
    String token = UUID.randomUUID().toString();
    issued.put(token, clock.instant());
    return token;
  }

  /** Whether a reset link with this token may still be used. */
  public boolean isValid(String token) {
    return issued.containsKey(token);
  }
}
