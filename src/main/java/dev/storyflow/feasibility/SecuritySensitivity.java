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
    PERSONAL_DATA(Lexicon.of("personal data",
        "personal (?:data|information|details)", "pii", "gdpr", "privacy", "date of birth", "birth ?date", "birthday",
        "(?:home|postal|billing|shipping|e ?mail) address(?:es)?", "(?:phone|mobile|telephone) numbers?",
        "social security(?: number)?", "ssn", "national id", "passports?", "driver'?s licen[cs]e",
        "health (?:data|records?|information)", "medical", "patients?", "diagnos[ei]s", "salar(?:y|ies)",
        "customer data", "user data", "profile data", "location data", "geolocation", "gps position", "ip address(?:es)?",
        "biometric", "fingerprints?", "ethnicity", "religion", "sexual orientation", "date of death", "tax id")),
    CREDENTIALS(Lexicon.of("credentials",
        "passwords?", "passphrases?", "passcodes?", "credentials?", "secrets?", "api keys?", "access tokens?",
        "refresh tokens?", "tokens?", "private keys?", "(?:ssl|tls|client|x509) certificates?", "pin codes?",
        "pin numbers?", "ssh keys?", "encryption keys?",
        "recovery codes?")),
    PAYMENTS(Lexicon.of("payments",
        "payments?", "pay", "paying", "paid", "credit cards?", "debit cards?", "card numbers?", "cvv", "cvc", "iban",
        "bank accounts?", "bank details", "billing", "checkout", "refunds?", "transactions?", "paypal", "stripe",
        "wallets?", "money transfers?", "wire transfers?", "purchases?", "subscriptions? fees?", "charges? the card")),
    AUTHENTICATION(Lexicon.of("authentication",
        "log ?in", "log ?on", "logon", "sign ?in", "sign ?up", "authenticat\\p{L}*", "2fa", "two factor",
        "multi factor", "mfa", "otp", "one time password", "sso", "single sign on", "oauth2?", "openid", "saml",
        "user sessions?", "session (?:timeouts?|expir\\p{L}*|cookies?|ids?)", "log ?out", "sign ?out", "captcha", "remember me", "identity provider", "ldap")),
    AUTHORIZATION(Lexicon.of("authorization",
        "permissions?", "access rights?", "access control", "privileges?", "admin rights", "authori[sz]ation",
        "authori[sz]ed", "unauthori[sz]ed", "grant access", "revoke access", "only (?:admins?|administrators|managers|owners)",
        "role based", "rbac", "audit (?:log|trail)s?"));

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
