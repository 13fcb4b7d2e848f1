package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySensitivityTest {

  private final SecuritySensitivity security = new SecuritySensitivity();

  @Test
  void wordsAboutCredentialsPaymentsAndPersonalDataAreReportedWithWhereTheyAre() {
    // given
    StoryText story = Stories.ready().title("Pay by card")
        .statement("customer", "to pay an invoice by credit card", "my account is settled")
        .criteria("The receipt goes to the email address on file", "Only admins can issue refunds").text();

    // when
    SecuritySensitivity.Profile profile = security.of(story);

    // then
    assertThat(profile.sensitive()).isTrue();
    assertThat(profile.topics()).containsExactlyInAnyOrder(SecuritySensitivity.Topic.PERSONAL_DATA,
        SecuritySensitivity.Topic.PAYMENTS, SecuritySensitivity.Topic.AUTHORIZATION);
    assertThat(profile.triggers()).contains(
        Map.of("topic", "PAYMENTS", "text", "credit card", "field", "iWant"),
        Map.of("topic", "PERSONAL_DATA", "text", "email address", "field", "acceptanceCriteria", "line", 1));
  }

  @Test
  void loginIsAuthenticationAndPasswordsAreCredentials() {
    assertThat(security.of(Stories.ready().text()).topics()).containsExactly(SecuritySensitivity.Topic.CREDENTIALS,
        SecuritySensitivity.Topic.AUTHENTICATION);
  }

  @Test
  void storyWithoutSensitiveWordsIsNotSensitive() {
    StoryText story = Stories.empty().title("Filter orders")
        .statement("warehouse clerk", "to filter open orders by status", "I pick urgent ones first")
        .criteria("Selecting a status shows only the orders with that status").text();

    assertThat(security.of(story).toMap()).containsEntry("sensitive", false);
  }
}
