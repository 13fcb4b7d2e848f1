package dev.storyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code storyflow.notifications.*} as Spring binds it: defaults, the backoff, and bad settings stopping the start. */
class NotificationPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(NotificationProperties.class)
  static class Bound {
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

  @Test
  void withNothingSetThereIsNoChannelAndTheDocumentedDefaults() {
    context.run(started -> {
      NotificationProperties properties = started.getBean(NotificationProperties.class);
      assertThat(properties.webhooks()).isEmpty();
      assertThat(properties.baseUrl()).isEqualTo("http://localhost:8080");
      assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(properties.claimDuration()).isEqualTo(Duration.ofSeconds(60));
      assertThat(properties.retry()).isEqualTo(new NotificationProperties.Retry(Duration.ofSeconds(10), 2,
          Duration.ofHours(1), 20));
      assertThat(properties.mail().from()).isEqualTo("storyflow@localhost");
    });
  }

  @Test
  void webhooksAreBoundWithTheirEventsAndSecret() {
    context.withPropertyValues(
        "storyflow.notifications.base-url=https://storyflow.example.com/",
        "storyflow.notifications.webhooks[0].url=https://hooks.slack.com/services/T1/B2/C3",
        "storyflow.notifications.webhooks[0].events=taskWaiting, escalated",
        "storyflow.notifications.webhooks[1].url=http://ci.example.com:8080/storyflow",
        "storyflow.notifications.webhooks[1].secret=s3cret").run(started -> {
          NotificationProperties properties = started.getBean(NotificationProperties.class);
          assertThat(properties.baseUrl()).isEqualTo("https://storyflow.example.com");
          NotificationProperties.Webhook slack = properties.webhooks().get(0);
          assertThat(slack.accepts(NotificationType.TASK_WAITING)).isTrue();
          assertThat(slack.accepts(NotificationType.ESCALATED)).isTrue();
          assertThat(slack.accepts(NotificationType.STORY_DONE)).isFalse();
          assertThat(slack.secret()).isNull();
          NotificationProperties.Webhook ci = properties.webhooks().get(1);
          assertThat(List.of(NotificationType.values())).allMatch(ci::accepts);
          assertThat(ci.secret()).isEqualTo("s3cret");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"hooks.slack.com/services/T1", "ftp://files.example.com/in", "https://", "not a url",
      "http://user:password@example.com/hook", ""})
  void aWebhookUrlThatIsNoHttpUrlStopsTheStart(String url) {
    context.withPropertyValues("storyflow.notifications.webhooks[0].url=" + url).run(started ->
        assertThat(started).hasFailed().getFailure().hasStackTraceContaining("storyflow.notifications.webhooks[].url"));
  }

  @Test
  void anUnknownEventStopsTheStartNamingTheKnownOnes() {
    context.withPropertyValues("storyflow.notifications.webhooks[0].url=https://example.com/hook",
        "storyflow.notifications.webhooks[0].events=taskWaiting,taskDone").run(started ->
            assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("[taskDone]")
                .hasMessageContaining("taskWaiting, overdue, escalated, fallbackNeeded, incident, storyDone"));
  }

  @Test
  void aBadBaseUrlOrRetryStopsTheStart() {
    context.withPropertyValues("storyflow.notifications.base-url=localhost:8080").run(started ->
        assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("base-url"));
    context.withPropertyValues("storyflow.notifications.retry.max-attempts=0").run(started ->
        assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("retry.max-attempts"));
    context.withPropertyValues("storyflow.notifications.webhooks[0].url=https://example.com/a",
        "storyflow.notifications.webhooks[1].url=https://example.com/a").run(started ->
            assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("twice"));
  }

  @Test
  void theBackoffDoublesFromTheInitialDelayUpToTheMaximum() {
    NotificationProperties.Retry retry = new NotificationProperties.Retry(Duration.ofSeconds(10), 2,
        Duration.ofHours(1), 20);

    assertThat(List.of(1, 2, 3, 4, 9, 10, 19).stream().map(retry::delayAfter)).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
        Duration.ofSeconds(2560), Duration.ofHours(1), Duration.ofHours(1));
  }

  @Test
  void aMultiplierOfOneRetriesAtAFixedPace() {
    NotificationProperties.Retry retry = new NotificationProperties.Retry(Duration.ofMillis(500), 1,
        Duration.ofMinutes(1), 5);

    assertThat(List.of(1, 2, 5).stream().map(retry::delayAfter)).containsOnly(Duration.ofMillis(500));
  }

  @Test
  void aWebhookIsNamedInTheOutboxByADigestOfItsUrlNeverByTheUrl() {
    NotificationProperties.Webhook slack = new NotificationProperties.Webhook(
        "https://hooks.slack.com/services/T1/B2/s3cretToken", List.of(), null);

    assertThat(slack.channel()).matches("webhook:[0-9a-f]{16}").doesNotContain("s3cret");
    assertThat(slack.channel()).isEqualTo(new NotificationProperties.Webhook(
        "https://hooks.slack.com/services/T1/B2/s3cretToken", List.of("storyDone"), "x").channel());
    assertThat(slack.channel()).isNotEqualTo(new NotificationProperties.Webhook(
        "https://hooks.slack.com/services/T1/B2/otherToken", List.of(), null).channel());
    assertThat(slack.host()).isEqualTo("hooks.slack.com");
  }
}
