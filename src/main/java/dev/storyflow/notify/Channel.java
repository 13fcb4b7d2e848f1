package dev.storyflow.notify;

import java.time.Duration;

/** A way out for notifications: a webhook, or mail. */
interface Channel {

  /** The channel's name in the outbox. */
  String name();

  /** Sends one outbox row; may throw, which counts as a failure worth retrying. */
  Attempt deliver(Outbox.Entry entry) throws Exception;

  /** How one delivery ended. */
  record Attempt(Outcome outcome, String result, Duration retryAfter) {

    static Attempt sent(String result) {
      return new Attempt(Outcome.SENT, result, null);
    }

    static Attempt retry(String result, Duration retryAfter) {
      return new Attempt(Outcome.RETRY, result, retryAfter);
    }

    /** The receiver refused for good (e.g. HTTP 400, 404): trying again would not help. */
    static Attempt refused(String result) {
      return new Attempt(Outcome.REFUSED, result, null);
    }
  }

  enum Outcome { SENT, RETRY, REFUSED }
}
