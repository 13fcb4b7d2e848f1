package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a story touches data or functions that need the security expert's attention: personal
 * data, credentials, payments, authentication, authorization. Reports the words that triggered it
 * and where they are.
 */
class SecuritySensitivity {

  /** A sensitive topic and the words that reveal it. */
  enum Topic {
    PERSONAL_DATA(Lexicon.resource("personal data", "security/personal-data")),
    CREDENTIALS(Lexicon.resource("credentials", "security/credentials")),
    PAYMENTS(Lexicon.resource("payments", "security/payments")),
    AUTHENTICATION(Lexicon.resource("authentication", "security/authentication")),
    AUTHORIZATION(Lexicon.resource("authorization", "security/authorization"));

    private final Lexicon words;

    Topic(Lexicon words) {
      this.words = words;
    }
  }

  /**
   * @param sensitive whether any topic was found
   * @param topics the topics found
   * @param triggers per trigger: topic, words and where
   */
  record Profile(boolean sensitive, Set<Topic> topics, List<Map<String, Object>> triggers) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("sensitive", sensitive);
      map.put("topics", topics.stream().map(Topic::name).toList());
      map.put("triggers", triggers);
      return map;
    }
  }

  static final int MAX_TRIGGERS = 20;

  Profile of(StoryText story) {
    Set<Topic> topics = new LinkedHashSet<>();
    List<Map<String, Object>> triggers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Segment segment : story.allText()) {
      for (Topic topic : Topic.values()) {
        for (Lexicon.Match m : topic.words.find(segment.text())) {
          topics.add(topic);
          if (triggers.size() < MAX_TRIGGERS && seen.add(topic + ":" + m.text().toLowerCase(Locale.ROOT))) {
            Map<String, Object> trigger = new LinkedHashMap<>();
            trigger.put("topic", topic.name());
            trigger.put("text", m.text());
            trigger.put("field", segment.field());
            if (segment.line() != null) {
              trigger.put("line", segment.line());
            }
            triggers.add(trigger);
          }
        }
      }
    }
    return new Profile(!topics.isEmpty(), topics, triggers);
  }
}
