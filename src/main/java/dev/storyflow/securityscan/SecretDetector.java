package dev.storyflow.securityscan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in a text file: private key blocks, provider tokens ({@link ProviderTokens}),
 * JWTs, credentials in URLs and HTTP headers, and values given to secret names
 * ({@link GenericAssignments}). Reports the character span of each secret so that it can be
 * masked; never keeps a value.
 */
final class SecretDetector {

  /** A secret found at {@code [start, end)}; {@code keep} leading characters are a public prefix. */
  record Match(String rule, Severity severity, String message, int start, int end, int keep) {
  }

  static final String PRIVATE_KEY = "secret.private-key";
  static final String JWT = "secret.jwt";
  static final String URL_CREDENTIALS = "secret.url-credentials";
  static final String BEARER = "secret.bearer-token";
  static final String BASIC_AUTH = "secret.basic-auth";

  private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern KEY_END = Pattern.compile("-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern JWT_PATTERN =
      Pattern.compile("(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})");
  private static final Pattern URL_CREDENTIALS_PATTERN = Pattern.compile(
      "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://([^\\s:@/'\"`<>(){}\\[\\]]*):([^\\s:@/'\"`<>(){}\\[\\]]{3,})@[A-Za-z0-9.\\[\\]-]+");
  private static final Pattern BEARER_PATTERN =
      Pattern.compile("(?<![A-Za-z])[Bb]earer\\s+([A-Za-z0-9_\\-.~+/]{20,}=*)(?![A-Za-z0-9_\\-.~+/=])");
  private static final Pattern BASIC_PATTERN =
      Pattern.compile("(?<![A-Za-z])Basic\\s+([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=.~]{16,}");
  private static final Set<String> DEFAULT_PASSWORDS =
      Set.of("password", "pass", "passwd", "pwd", "secret", "changeit", "token", "admin");

  private final SecretValues values;
  private final ProviderTokens providers;
  private final GenericAssignments generic;

  SecretDetector(double minEntropy) {
    this.values = new SecretValues(minEntropy);
    this.providers = new ProviderTokens(values);
    this.generic = new GenericAssignments(values);
  }

  /** The secrets in a file, at most one per span, the most specific rule first. */
  List<Match> find(SourceFile file) {
    List<Match> found = new ArrayList<>();
    privateKeys(file.text(), found);
    String text = file.text();
    for (ProviderTokens.Rule rule : providers.rules()) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        if (rule.accept().test(m.group(1)) && !overlaps(found, m.start(1), m.end(1))) {
          found.add(new Match(rule.id(), rule.severity(), rule.description(), m.start(1), m.end(1), rule.keep()));
        }
      }
    }
    jwts(text, found);
    urlCredentials(text, found);
    bearerTokens(text, found);
    basicAuth(text, found);
    generic.find(file, found);
    found.sort(Comparator.comparingInt(Match::start));
    return found;
  }

  /**
   * The spans that must never be shown, as {start, end, keep}: every secret found, and every
   * value given to a secret name whatever it looks like.
   */
  List<int[]> maskSpans(SourceFile file, List<Match> secrets) {
    List<int[]> spans = new ArrayList<>();
    secrets.forEach(s -> spans.add(new int[] {s.start(), s.end(), s.keep()}));
    spans.addAll(generic.valueSpans(file));
    return spans;
  }

  /**
   * Masks text that did not come from a workspace file (an external scanner's snippet or message):
   * every secret found, and every long token that looks random.
   */
  String maskText(String text) {
    if (text == null) {
      return null;
    }
    SourceFile file = SourceFile.of("", text);
    List<int[]> spans = new ArrayList<>(maskSpans(file, find(file)));
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (SecretValues.entropy(m.group()) >= 3.5 && !values.isWords(m.group())) {
        spans.add(new int[] {m.start(), m.end(), 0});
      }
    }
    List<String> lines = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      lines.add(file.maskedLine(line, spans));
    }
    return String.join("\n", lines);
  }

  /**
   * Masks a log or a message quoting one (an agent's or a build's output): every secret found and
   * every value given to a secret name, also inside JSON strings ({@link DecodedText}), as
   * {@code ********} (keeping a provider's public prefix); every other character stays where it
   * was. Unlike {@link #maskText}, a random-looking token no rule finds is kept, so that commit
   * ids, hashes and paths stay readable.
   */
  String maskLog(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    SourceFile file = SourceFile.of("", text);
    List<int[]> spans = new ArrayList<>(maskSpans(file, find(file)));
    Optional<DecodedText> decoded = DecodedText.of(text);
    for (int level = 0; level < 2 && decoded.isPresent(); level++) {
      DecodedText view = decoded.get();
      SourceFile inner = SourceFile.of("", view.text());
      maskSpans(inner, find(inner)).forEach(span -> spans.add(view.original(span)));
      decoded = view.again();
    }
    return file.masked(spans);
  }

  static boolean overlaps(List<Match> found, int start, int end) {
    return found.stream().anyMatch(f -> start < f.end() && f.start() < end);
  }

  private void privateKeys(String text, List<Match> found) {
    Matcher begin = KEY_BEGIN.matcher(text);
    while (begin.find()) {
      int bodyStart = begin.end();
      Matcher end = KEY_END.matcher(text);
      int limit = Math.min(text.length(), bodyStart + 20_000);
      int bodyEnd = end.find(bodyStart) && end.start() <= limit ? end.start() : limit;
      String body = text.substring(bodyStart, bodyEnd);
      String material = body.replace("\\n", "\n").replace("\\r", "\n").lines()
          .filter(l -> !l.contains(":"))
          .map(l -> l.replaceAll("[^A-Za-z0-9+/=]", ""))
          .reduce("", String::concat);
      boolean placeholder = body.contains("...") || body.contains("…") || body.contains("<") || values.isPlaceholder(material);
      if (material.length() >= 64 && !placeholder && SecretValues.entropy(material) >= 4.0) {
        found.add(new Match(PRIVATE_KEY, Severity.CRITICAL, "Private key block", bodyStart, bodyEnd, 0));
      }
    }
  }

  private static void jwts(String text, List<Match> found) {
    Matcher m = JWT_PATTERN.matcher(text);
    while (m.find()) {
      String[] parts = m.group(1).split("\\.");
      String header = decode(Base64.getUrlDecoder(), parts[0]);
      String payload = decode(Base64.getUrlDecoder(), parts[1]);
      boolean signed = header != null && header.contains("\"alg\"") && !header.replace(" ", "").contains("\"alg\":\"none\"");
      boolean documentationExample = payload != null && payload.contains("\"1234567890\"") && payload.contains("John Doe");
      if (signed && !documentationExample && !overlaps(found, m.start(1), m.end(1))) {
        found.add(new Match(JWT, Severity.HIGH, "JSON Web Token", m.start(1), m.end(1), 0));
      }
    }
  }

  private void urlCredentials(String text, List<Match> found) {
    Matcher m = URL_CREDENTIALS_PATTERN.matcher(text);
    while (m.find()) {
      if (realPassword(m.group(1), m.group(2)) && !overlaps(found, m.start(2), m.end(2))) {
        found.add(new Match(URL_CREDENTIALS, Severity.HIGH, "Password in a URL", m.start(2), m.end(2), 0));
      }
    }
  }

  private void bearerTokens(String text, List<Match> found) {
    Matcher m = BEARER_PATTERN.matcher(text);
    while (m.find()) {
      String value = m.group(1);
      if (values.random(value, 3.5) && !values.isWords(value) && !overlaps(found, m.start(1), m.end(1))) {
        found.add(new Match(BEARER, Severity.HIGH, "Bearer token", m.start(1), m.end(1), 0));
      }
    }
  }

  private void basicAuth(String text, List<Match> found) {
    Matcher m = BASIC_PATTERN.matcher(text);
    while (m.find()) {
      String decoded = decode(Base64.getDecoder(), m.group(1));
      int colon = decoded == null ? -1 : decoded.indexOf(':');
      if (colon > 0 && colon < decoded.length() - 1
          && realPassword(decoded.substring(0, colon), decoded.substring(colon + 1))
          && !overlaps(found, m.start(1), m.end(1))) {
        found.add(new Match(BASIC_AUTH, Severity.HIGH, "Basic authentication credentials", m.start(1), m.end(1), 0));
      }
    }
  }

  /** A password next to its user name that is neither the user name, a default, a reference nor a placeholder. */
  private boolean realPassword(String user, String password) {
    return !password.equalsIgnoreCase(user) && !values.isPlaceholder(password)
        && !DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))
        && !password.startsWith("$") && !password.startsWith("{") && !password.startsWith("%")
        && !values.isEnvName(password);
  }

  private static String decode(Base64.Decoder decoder, String part) {
    try {
      return new String(decoder.decode(part), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
