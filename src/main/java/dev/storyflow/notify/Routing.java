package dev.storyflow.notify;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which channels an event goes to: every webhook that accepts its type, and mail when
 * {@code spring.mail.host} is set, the event is addressed to groups and mail accepts its type.
 * An event no channel wants writes no row: a Storyflow without channels keeps no outbox, and
 * turning a channel on later sends no backlog of old events.
 */
@Component
class Routing {

  static final String MAIL = "mail";

  private final NotificationProperties properties;
  private final boolean mailOn;

  Routing(NotificationProperties properties, Environment environment) {
    this.properties = properties;
    this.mailOn = mailConfigured(environment);
  }

  static boolean mailConfigured(Environment environment) {
    String host = environment.getProperty("spring.mail.host");
    return host != null && !host.isBlank();
  }

  List<String> channels(NotificationEvent event) {
    List<String> channels = new ArrayList<>();
    for (NotificationProperties.Webhook webhook : properties.webhooks()) {
      if (webhook.accepts(event.type())) {
        channels.add(webhook.channel());
      }
    }
    if (mailOn && !event.groups().isEmpty() && properties.mail().accepts(event.type())) {
      channels.add(MAIL);
    }
    return channels;
  }

  boolean anyChannel() {
    return mailOn || !properties.webhooks().isEmpty();
  }
}
