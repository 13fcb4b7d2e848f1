package dev.storyflow.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One plain-text mail per event to the members of the groups it is addressed to (those with an
 * e-mail address in Camunda's identity), all in one message. Recipients are looked up when the mail
 * is sent. The SMTP timeouts default to {@code storyflow.notifications.timeout}, unless
 * {@code spring.mail.properties} sets them.
 */
final class MailChannel implements Channel {

  private final JavaMailSender mail;
  private final IdentityService identity;
  private final String from;
  private final ObjectMapper json;

  MailChannel(JavaMailSender mail, IdentityService identity, String from, Duration timeout, ObjectMapper json) {
    this.mail = mail;
    this.identity = identity;
    this.from = from;
    this.json = json;
    if (mail instanceof JavaMailSenderImpl sender) {
      Properties properties = sender.getJavaMailProperties();
      String millis = String.valueOf(timeout.toMillis());
      for (String key : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
        properties.putIfAbsent(key, millis);
      }
    }
  }

  @Override
  public String name() {
    return Routing.MAIL;
  }

  @Override
  public Attempt deliver(Outbox.Entry entry) throws Exception {
    JsonNode notification = json.readTree(entry.payload());
    List<String> groups = new ArrayList<>();
    notification.path("groups").forEach(group -> groups.add(group.asText()));
    TreeSet<String> recipients = new TreeSet<>();
    for (String group : groups) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          recipients.add(user.getEmail().strip());
        }
      }
    }
    if (recipients.isEmpty()) {
      return Attempt.sent("no member of " + groups + " has an e-mail address");
    }
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(recipients.toArray(String[]::new));
    helper.setSubject(subject(entry, notification));
    helper.setText(body(notification, groups));
    message.setHeader(WebhookChannel.EVENT_HEADER, entry.event());
    message.setHeader(WebhookChannel.ID_HEADER, entry.eventId());
    mail.send(message);
    return Attempt.sent("mailed " + recipients.size() + " member(s) of " + groups);
  }

  private static String subject(Outbox.Entry entry, JsonNode notification) {
    String label = NotificationType.ofCode(entry.event()).map(NotificationType::label).orElse(entry.event());
    String task = notification.path("task").path("name").asText("");
    return "[Storyflow] " + notification.path("storyId").asText("") + " " + label + (task.isEmpty() ? "" : ": " + task);
  }

  private static String body(JsonNode notification, List<String> groups) {
    String text = notification.path("text").asText()
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return text + "\n\n-- \nStoryflow tells you this as a member of " + String.join(", ", groups) + ".\n";
  }
}
