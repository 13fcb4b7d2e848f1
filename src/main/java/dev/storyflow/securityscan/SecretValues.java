package dev.storyflow.securityscan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges names and values: whether an identifier names a secret (its last word says password,
 * secret, token or API key), and whether a value looks like a real secret rather than a
 * placeholder, a reference, a message key or a word, with enough entropy.
 */
final class SecretValues {

  /** The default of {@code storyflow.security.min-entropy}. */
  static final double DEFAULT_MIN_ENTROPY = 3.0;

  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "apikey", "credential", "credentials",
          "requirepass", "masterauth");
  private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private", "auth", "signing",
      "encryption", "master", "account", "client", "app", "application", "service", "license", "webhook", "hmac");
  private static final Set<String> NOT_SECRET_QUALIFIERS = Set.of("page", "next", "continuation", "csrf", "xsrf",
      "sync", "cancellation", "cancel", "type", "max", "min", "parser", "lexer", "is", "has", "no", "use", "show",
      "new", "confirm", "reset", "forgot", "placeholder", "label", "hint", "prompt", "field", "input");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)change_?-?(me|it)|example|sample|placeholder|dummy|xxxx|\\*{3}|\\.{3}|redacted|your[_-]|yourpass|yourtoken"
          + "|insert|replace_?me|todo|fixme|not[_-]?set|undefined|^null$|^none$|_here\\b|-here\\b|secret_value"
          + "|<[^>]*>|\\$\\{|\\{\\{|\\}\\}|%\\(|%s|^\\$|^%|^@.*@$|^ENC\\(|^vault:|^arn:|^ssm:|^sm://|^secret://|^#\\{");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
  private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_-]+)+");
  private static final Pattern WORDS = Pattern.compile("[A-Za-z]+([_-][A-Za-z]+)*");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z]+([_-][a-z0-9]+)+");
  private static final Pattern CASE_CHANGE = Pattern.compile("[_-]|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern VOWEL = Pattern.compile("(?i)[aeiouy]");
  private static final Pattern CALL = Pattern.compile("[A-Za-z_$][\\w.$]*\\(.*\\)");
  private static final Pattern PATH_OR_URL = Pattern.compile("(?i)^(https?://|file:|classpath:|\\.{0,2}/|~/|[a-z]:\\\\).*");

  /** Names that say secret in a way the last-word rule misses, compared without separators. */
  private static final Set<String> KNOWN_NAMES = Set.of("secretkeybase", "authtoken", "sessionkey", "cookiesecret", "auth",
      "sig", "sharedaccesskey");

  private final double minEntropy;

  SecretValues(double minEntropy) {
    this.minEntropy = minEntropy;
  }

  /** Whether an identifier names a secret: its last word(s) say password, secret, token or API key. */
  boolean isSecretName(String identifier, boolean methodName) {
    List<String> words = words(identifier);
    if (methodName && !words.isEmpty() && Set.of("set", "with").contains(words.get(0))) {
      words = words.subList(1, words.size());
    }
    if (words.isEmpty()) {
      return false;
    }
    if (KNOWN_NAMES.contains(String.join("", words))) {
      return true;
    }
    String last = words.get(words.size() - 1);
    String previous = words.size() > 1 ? words.get(words.size() - 2) : "";
    if (NOT_SECRET_QUALIFIERS.contains(previous)) {
      return false;
    }
    if (SECRET_WORDS.contains(last)) {
      return !last.equals("pass") || words.size() > 1;
    }
    return last.equals("key") && KEY_QUALIFIERS.contains(previous);
  }

  /** Whether a value assigned to a secret name is a real-looking secret. */
  boolean looksLikeSecret(String key, String value) {
    if (value.length() < 8 || value.length() > 4096) {
      return false;
    }
    if (isPlaceholder(value) || PATH_OR_URL.matcher(value).matches() || isEnvName(value)
        || MESSAGE_KEY.matcher(value).matches() || isWords(value) || isCall(value)
        || value.equalsIgnoreCase(key) || value.matches("(?i)(true|false|null|nil)")) {
      return false;
    }
    return entropy(value) >= minEntropy && !encodedPlaceholder(value);
  }

  /** A base64 value whose text is a placeholder or a default, e.g. a Kubernetes secret of {@code password}. */
  private boolean encodedPlaceholder(String value) {
    if (!BASE64.matcher(value).matches() || value.length() % 4 != 0) {
      return false;
    }
    try {
      String text = new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
      if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        return false;
      }
      return text.length() < 6 || isPlaceholder(text) || isWords(text) || entropy(text) < 2.5;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a value looks random: enough entropy and no placeholder. */
  boolean random(String value, double minimum) {
    return entropy(value) >= minimum && !isPlaceholder(value);
  }

  boolean isPlaceholder(String value) {
    return PLACEHOLDER.matcher(value).find();
  }

  /** An environment variable's name, e.g. {@code DB_PASSWORD}. */
  boolean isEnvName(String value) {
    return ENV_NAME.matcher(value).matches();
  }

  /**
   * Words, not random letters: a lower-case name like {@code orders-db-credentials}, or only
   * letters where every word (split at case changes, {@code _} and {@code -}) has a vowel, like
   * {@code AccessTokenProvider}.
   */
  boolean isWords(String value) {
    if (IDENTIFIER.matcher(value).matches()) {
      return true;
    }
    if (!WORDS.matcher(value).matches()) {
      return false;
    }
    for (String word : CASE_CHANGE.split(value)) {
      if (!word.isEmpty() && !VOWEL.matcher(word).find()) {
        return false;
      }
    }
    return true;
  }

  /** A function call, e.g. {@code get_password()}: code, not a value. */
  private static boolean isCall(String value) {
    return CALL.matcher(value).matches();
  }

  private static List<String> words(String identifier) {
    String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
    List<String> words = new ArrayList<>();
    for (String w : spaced.split("[\\s_.\\-$:]+")) {
      String word = w.toLowerCase(Locale.ROOT).replaceAll("\\d+$", "");
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (words.size() >= 2 && words.get(words.size() - 1).equals("key") && words.get(words.size() - 2).equals("api")) {
      words.set(words.size() - 2, "apikey");
      words.remove(words.size() - 1);
    }
    return words;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
    value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    int length = value.codePointCount(0, value.length());
    double entropy = 0;
    for (int count : counts.values()) {
      double p = (double) count / length;
      entropy -= p * Math.log(p) / Math.log(2);
    }
    return entropy;
  }
}
