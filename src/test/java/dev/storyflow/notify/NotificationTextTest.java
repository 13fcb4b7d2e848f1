package dev.storyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

  private static final Links LINKS = new Links("https://storyflow.example.com");
  private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

  @Test
  void aTitleCannotPingASlackChannelOrHideALink() {
    NotificationEvent event = taskEvent(NotificationType.TASK_WAITING, "<!channel> & <https://evil.example|click>",
        null);

    NotificationText text = new NotificationText(event, LINKS);

    assertThat(text.slack()).isEqualTo("Code review of US-7 "
        + "\"&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;\" is waiting for code-reviewer: "
        + "https://storyflow.example.com/camunda/app/tasklist/default/#/?task=t-1");
    assertThat(text.plain()).contains("\"<!channel> & <https://evil.example|click>\"");
  }

  @Test
  void anOverdueTaskSaysWhenItWasDue() {
    NotificationEvent event = taskEvent(NotificationType.OVERDUE, "Export invoices",
        Instant.parse("2025-06-01T17:30:00Z"));

    assertThat(new NotificationText(event, LINKS).plain()).isEqualTo("Code review of US-7 \"Export invoices\" "
        + "is overdue (due 2025-06-01 17:30 UTC), waiting for code-reviewer: "
        + "https://storyflow.example.com/camunda/app/tasklist/default/#/?task=t-1");
  }

  @Test
  void aLongMultiLineReasonBecomesOneCappedLine() {
    String reason = "No agent is configured for step 'implement'.\n\n  Build output:\n" + "x".repeat(500);
    NotificationEvent event = new NotificationEvent(NotificationType.FALLBACK_NEEDED, "US-7", "pi-1", "Export invoices",
        "IN_PROGRESS", new NotificationEvent.Task("t-2", "Task_BackendEngineerFallback", "Do the step by hand",
            List.of("backend-engineer"), null), List.of("backend-engineer"),
        new NotificationEvent.Fallback("implement", reason), null, NOW, "default");

    String text = new NotificationText(event, LINKS).plain();

    assertThat(text).startsWith("US-7 \"Export invoices\" needs a human backend engineer for step implement: No agent "
        + "is configured for step 'implement'. Build output: xxx").doesNotContain("\n");
    assertThat(text).contains("x… https://storyflow.example.com/camunda/app/tasklist/default/#/?task=t-2");
    assertThat(text.length()).isLessThan(500);
  }

  private static NotificationEvent taskEvent(NotificationType type, String title, Instant due) {
    return new NotificationEvent(type, "US-7", "pi-1", title, "CODE_REVIEW",
        new NotificationEvent.Task("t-1", "Task_CodeReview", "Code review", List.of("code-reviewer"), due),
        List.of("code-reviewer"), null, null, NOW, null);
  }
}
