package dev.storyflow.securityscan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in a text file: private key blocks, provider tokens with a known shape (cloud,
 * source host, chat, payment, package registry), JWTs, credentials in URLs and generic
 * {@code password|secret|token|apiKey = "…"} assignments whose value looks random enough.
 * Reports the character span of each secret value so that it can be masked; never keeps a value.
 */
final class SecretDetector {

  /** A secret value found at {@code [start, end)}; {@code keep} leading characters are a public prefix. */
  record Match(String rule, Severity severity, String message, int start, int end, int keep) {
  }

  /** A secret rule: its id, severity and what it finds. */
  record RuleInfo(String id, Severity severity, String description) {
  }

  private record TokenRule(RuleInfo info, Pattern pattern, int keep, Predicate<String> accept) {
  }

  /** The default of {@code storyflow.security.min-entropy}. */
  static final double DEFAULT_MIN_ENTROPY = 3.0;

  static final String PRIVATE_KEY = "secret.private-key";
  static final String JWT = "secret.jwt";
  static final String URL_CREDENTIALS = "secret.url-credentials";
  static final String BEARER = "secret.bearer-token";
  static final String BASIC_AUTH_RULE = "secret.basic-auth";
  static final String GENERIC = "secret.generic-assignment";

  private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern KEY_END = Pattern.compile("-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern JWT_PATTERN =
      Pattern.compile("(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})");
  private static final Pattern URL_CREDENTIALS_PATTERN = Pattern.compile(
      "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://([^\\s:@/'\"`<>(){}\\[\\]]+):([^\\s:@/'\"`<>(){}\\[\\]]{3,})@[A-Za-z0-9.\\[\\]-]+");
  private static final Pattern BEARER_PATTERN =
      Pattern.compile("(?<![A-Za-z])[Bb]earer\\s+([A-Za-z0-9_\\-.~+/]{20,}=*)(?![A-Za-z0-9_\\-.~+/=])");

  /** {@code key = "value"}, {@code "key": "value"}, {@code key: Type = 'value'}, {@code $c['key'] => `value`}. */
  private static final Pattern QUOTED_ASSIGNMENT = Pattern.compile(
      "(?<![A-Za-z0-9_.\\-$])[\"']?([A-Za-z_$][A-Za-z0-9_.\\-]*)[\"']?\\]?"
          + "(?:\\s*:\\s*[A-Za-z][A-Za-z0-9_<>?\\[\\]]*(?=\\s*=))?"
          + "\\s*(?::=|=>|\\?\\?=|\\|\\|=|=(?!=)|:)\\s*(?:[rbuRBU]{1,2}(?=[\"']))?([\"'`])([^\"'`\\s]+)\\2");
  /** {@code setPassword("value")}, {@code .apiKey('value')}. */
  private static final Pattern CALL_ARGUMENT = Pattern.compile(
      "(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*([\"'])([^\"'\\s]+)\\2\\s*\\)");
  /** {@code <password>value</password>}. */
  private static final Pattern XML_ELEMENT = Pattern.compile("<([A-Za-z_][A-Za-z0-9_.\\-]*)>([^<\\s]+)</\\1>");
  /** {@code --password=value}, {@code --token "value"}. */
  private static final Pattern CLI_FLAG =
      Pattern.compile("(?<![A-Za-z0-9_-])--([a-z][a-z0-9-]*)(?:=|\\s+|[\"']\\s*,\\s*)([\"']?)([^\\s\"'\\\\]+)\\2");
  /** {@code Password=value;} in connection strings and {@code ?password=value} in URLs. */
  private static final Pattern CONNECTION_STRING = Pattern.compile(
      "(?i)(?<=[;\"'\\s?&])(password|passwd|pwd|token|api_?key|access_token|secret|client_secret)=([^;&\"'\\s<>]+)(?=[;&\"'\\s]|$)");
  /** PHP {@code define('DB_PASSWORD', 'value')}. */
  private static final Pattern DEFINE = Pattern.compile("define\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\\s*,\\s*(['\"])([^'\"\\s]+)\\2");
  /** {@code Authorization: Basic dXNlcjpwYXNz}. */
  private static final Pattern BASIC_AUTH = Pattern.compile("(?<![A-Za-z])Basic\\s+([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])");
  /** {@code KEY=value} and {@code key: value} in configuration files and scripts. */
  private static final Pattern UNQUOTED_ASSIGNMENT = Pattern.compile(
      "^\\s*(?:export\\s+|ENV\\s+|ARG\\s+|set\\s+|-\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*([^\\s\"'#`][^\\s]*)\\s*(?:\\s#.*)?$");

  private static final Set<String> UNQUOTED_EXTENSIONS =
      Set.of("env", "properties", "ini", "cfg", "conf", "yaml", "yml", "toml", "sh", "bash", "zsh", "envrc", "tfvars");

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
  private static final Pattern WORDS = Pattern.compile("([A-Z]?[a-z]{2,})+|[a-z]+([_-][a-z]+)+");
  private static final Pattern PATH_OR_URL = Pattern.compile("(?i)^(https?://|file:|classpath:|\\.{0,2}/|~/|[a-z]:\\\\).*");

  private final List<TokenRule> tokenRules;
  private final double minEntropy;

  SecretDetector(double minEntropy) {
    this.minEntropy = minEntropy;
    this.tokenRules = tokenRules();
  }

  /** Every rule this detector reports, for SARIF rule metadata and documentation. */
  List<RuleInfo> rules() {
    List<RuleInfo> rules = new ArrayList<>();
    rules.add(new RuleInfo(PRIVATE_KEY, Severity.CRITICAL, "Private key block"));
    tokenRules.forEach(r -> rules.add(r.info()));
    rules.add(new RuleInfo(JWT, Severity.HIGH, "JSON Web Token"));
    rules.add(new RuleInfo(URL_CREDENTIALS, Severity.HIGH, "Password in a URL"));
    rules.add(new RuleInfo(BEARER, Severity.HIGH, "Bearer token"));
    rules.add(new RuleInfo(BASIC_AUTH_RULE, Severity.HIGH, "Basic authentication credentials"));
    rules.add(new RuleInfo(GENERIC, Severity.HIGH, "Password, secret, token or API key assigned a literal value"));
    return rules;
  }

  /** The secrets in a file, at most one per span, most specific rule first. */
  List<Match> find(SourceFile file) {
    List<Match> found = new ArrayList<>();
    privateKeys(file, found);
    String text = file.text();
    for (TokenRule rule : tokenRules) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        String value = m.group(1);
        if (rule.accept().test(value) && !overlaps(found, m.start(1), m.end(1))) {
          found.add(new Match(rule.info().id(), rule.info().severity(), rule.info().description(),
              m.start(1), m.end(1), rule.keep()));
        }
      }
    }
    jwts(text, found);
    urlCredentials(text, found);
    bearerTokens(text, found);
    basicAuth(text, found);
    generic(file, found);
    found.sort(Comparator.comparingInt(Match::start));
    return found;
  }

  private void privateKeys(SourceFile file, List<Match> found) {
    Matcher begin = KEY_BEGIN.matcher(file.text());
    while (begin.find()) {
      int bodyStart = begin.end();
      Matcher end = KEY_END.matcher(file.text());
      int limit = Math.min(file.text().length(), bodyStart + 20_000);
      int bodyEnd = end.find(bodyStart) && end.start() <= limit ? end.start() : limit;
      String body = file.text().substring(bodyStart, bodyEnd);
      String material = body.replace("\\n", "\n").replace("\\r", "\n").lines()
          .filter(l -> !l.contains(":"))
          .map(l -> l.replaceAll("[^A-Za-z0-9+/=]", ""))
          .reduce("", String::concat);
      boolean placeholder = body.contains("...") || body.contains("…") || body.contains("<") || PLACEHOLDER.matcher(material).find();
      if (material.length() >= 64 && !placeholder && entropy(material) >= 4.0) {
        found.add(new Match(PRIVATE_KEY, Severity.CRITICAL, "Private key block", bodyStart, bodyEnd, 0));
      }
    }
  }

  private void jwts(String text, List<Match> found) {
    Matcher m = JWT_PATTERN.matcher(text);
    while (m.find()) {
      String[] parts = m.group(1).split("\\.");
      String header = decodeBase64Url(parts[0]);
      String payload = decodeBase64Url(parts[1]);
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
      String user = m.group(1);
      String password = m.group(2);
      boolean placeholder = password.equalsIgnoreCase(user) || PLACEHOLDER.matcher(password).find()
          || Set.of("password", "pass", "passwd", "pwd", "secret", "changeit", "token").contains(password.toLowerCase(Locale.ROOT))
          || password.startsWith("$") || password.startsWith("{") || password.startsWith("%") || ENV_NAME.matcher(password).matches();
      if (!placeholder && !overlaps(found, m.start(2), m.end(2))) {
        found.add(new Match(URL_CREDENTIALS, Severity.HIGH, "Password in a URL", m.start(2), m.end(2), 0));
      }
    }
  }

  private void bearerTokens(String text, List<Match> found) {
    Matcher m = BEARER_PATTERN.matcher(text);
    while (m.find()) {
      String value = m.group(1);
      if (!PLACEHOLDER.matcher(value).find() && entropy(value) >= 3.5 && !WORDS.matcher(value).matches()
          && !overlaps(found, m.start(1), m.end(1))) {
        found.add(new Match(BEARER, Severity.HIGH, "Bearer token", m.start(1), m.end(1), 0));
      }
    }
  }

  private void basicAuth(String text, List<Match> found) {
    Matcher m = BASIC_AUTH.matcher(text);
    while (m.find()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        continue;
      }
      int colon = decoded.indexOf(':');
      if (colon > 0 && colon < decoded.length() - 1) {
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!password.equals(user) && !PLACEHOLDER.matcher(password).find()
            && !Set.of("password", "pass", "secret", "admin").contains(password.toLowerCase(Locale.ROOT))
            && !overlaps(found, m.start(1), m.end(1))) {
          found.add(new Match(BASIC_AUTH_RULE, Severity.HIGH, "Basic authentication credentials", m.start(1), m.end(1), 0));
        }
      }
    }
  }

  private void generic(SourceFile file, List<Match> found) {
    boolean unquotedAllowed = UNQUOTED_EXTENSIONS.contains(file.extension()) || file.name().startsWith(".env")
        || (file.name().startsWith(".") && file.name().indexOf('.', 1) < 0)
        || file.name().equals("Dockerfile") || file.name().startsWith("Dockerfile.");
    for (int line = 1; line <= file.lineCount(); line++) {
      int offset = file.lineStart(line);
      String text = file.line(line);
      genericMatches(QUOTED_ASSIGNMENT, text, offset, 1, 3, false, found);
      genericMatches(CALL_ARGUMENT, text, offset, 1, 3, true, found);
      genericMatches(XML_ELEMENT, text, offset, 1, 2, false, found);
      genericMatches(CLI_FLAG, text, offset, 1, 3, false, found);
      genericMatches(CONNECTION_STRING, text, offset, 1, 2, false, found);
      genericMatches(DEFINE, text, offset, 1, 3, false, found);
      if (unquotedAllowed) {
        genericMatches(UNQUOTED_ASSIGNMENT, text, offset, 1, 2, false, found);
      }
    }
  }

  private void genericMatches(Pattern pattern, String line, int offset, int keyGroup, int valueGroup, boolean call,
      List<Match> found) {
    Matcher m = pattern.matcher(line);
    while (m.find()) {
      String key = m.group(keyGroup);
      String value = m.group(valueGroup);
      int start = offset + m.start(valueGroup);
      int end = offset + m.end(valueGroup);
      if (isSecretName(key, call) && looksLikeSecret(key, value) && !overlaps(found, start, end)) {
        found.add(new Match(GENERIC, Severity.HIGH, "Secret assigned a literal value", start, end, 0));
      }
    }
  }

  /** Whether an identifier names a secret: its last word(s) say password, secret, token or API key. */
  static boolean isSecretName(String identifier, boolean methodName) {
    List<String> words = words(identifier);
    if (methodName && !words.isEmpty() && Set.of("set", "with").contains(words.get(0))) {
      words = words.subList(1, words.size());
    }
    if (words.isEmpty()) {
      return false;
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

  private static List<String> words(String identifier) {
    String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
    List<String> words = new ArrayList<>();
    for (String w : spaced.split("[\\s_.\\-$]+")) {
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

  private boolean looksLikeSecret(String key, String value) {
    if (value.length() < 8 || value.length() > 4096) {
      return false;
    }
    if (PLACEHOLDER.matcher(value).find() || PATH_OR_URL.matcher(value).matches() || ENV_NAME.matcher(value).matches()
        || MESSAGE_KEY.matcher(value).matches() || WORDS.matcher(value).matches()
        || value.equalsIgnoreCase(key) || value.matches("(?i)(true|false|null|nil)")) {
      return false;
    }
    return entropy(value) >= minEntropy;
  }

  /**
   * The spans that must never be shown: every secret found, and every value assigned to a secret
   * name whatever its entropy, so that a snippet of a code finding does not reveal a weak password.
   */
  List<int[]> maskSpans(SourceFile file, List<Match> secrets) {
    List<int[]> spans = new ArrayList<>();
    secrets.forEach(s -> spans.add(new int[] {s.start(), s.end(), s.keep()}));
    for (int line = 1; line <= file.lineCount(); line++) {
      int offset = file.lineStart(line);
      for (Pattern p : List.of(QUOTED_ASSIGNMENT, CALL_ARGUMENT, UNQUOTED_ASSIGNMENT, CONNECTION_STRING)) {
        Matcher m = p.matcher(file.line(line));
        int valueGroup = p == UNQUOTED_ASSIGNMENT || p == CONNECTION_STRING ? 2 : 3;
        while (m.find()) {
          if (isSecretName(m.group(1), p == CALL_ARGUMENT)) {
            spans.add(new int[] {offset + m.start(valueGroup), offset + m.end(valueGroup), 0});
          }
        }
      }
    }
    return spans;
  }

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=.~]{16,}");

  /**
   * Masks text that did not come from a workspace file (an external scanner's snippet or message):
   * every secret this detector finds, and every long token that looks random.
   */
  String maskText(String text) {
    if (text == null) {
      return null;
    }
    SourceFile file = SourceFile.of("", text);
    List<int[]> spans = new ArrayList<>(maskSpans(file, find(file)));
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (entropy(m.group()) >= 3.5 && !WORDS.matcher(m.group()).matches()) {
        spans.add(new int[] {m.start(), m.end(), 0});
      }
    }
    List<String> lines = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      lines.add(file.maskedLine(line, spans));
    }
    return String.join("\n", lines);
  }

  private static boolean overlaps(List<Match> found, int start, int end) {
    return found.stream().anyMatch(f -> start < f.end() && f.start() < end);
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (char c : value.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / value.length();
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / value.length();
      entropy -= p * Math.log(p) / Math.log(2);
    }
    return entropy;
  }

  private static String decodeBase64Url(String part) {
    try {
      return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean random(String value, double minEntropy) {
    return entropy(value) >= minEntropy && !PLACEHOLDER.matcher(value).find();
  }

  private static TokenRule rule(String id, Severity severity, String description, String regex, int keep,
      Predicate<String> accept) {
    return new TokenRule(new RuleInfo(id, severity, description), Pattern.compile(regex), keep, accept);
  }

  private static List<TokenRule> tokenRules() {
    String before = "(?<![A-Za-z0-9_\\-])";
    String after = "(?![A-Za-z0-9_\\-])";
    return List.of(
        rule("secret.aws-access-key-id", Severity.CRITICAL, "AWS access key id",
            before + "((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16})" + after, 4,
            v -> !v.contains("EXAMPLE") && random(v.substring(4), 3.0)),
        rule("secret.aws-secret-access-key", Severity.CRITICAL, "AWS secret access key",
            "(?i:aws.{0,20}?(?:secret|sk).{0,20}?)[\"']?\\s*(?::=|=>|[:=])\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", 0,
            v -> !v.contains("EXAMPLE") && random(v, 4.0)),
        rule("secret.gcp-api-key", Severity.CRITICAL, "Google Cloud API key",
            before + "(AIza[0-9A-Za-z_\\-]{35})" + after, 4, v -> random(v, 3.5)),
        rule("secret.azure-storage-key", Severity.CRITICAL, "Azure storage account key",
            "(?i:AccountKey)=([A-Za-z0-9+/]{86}==)", 0, v -> random(v, 4.0)),
        rule("secret.github-token", Severity.CRITICAL, "GitHub token",
            before + "(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{80,})" + after, 4, v -> random(v.substring(4), 3.5)),
        rule("secret.gitlab-token", Severity.CRITICAL, "GitLab token",
            before + "((?:glpat|gldt|glrt|glptt|glsoat)-[A-Za-z0-9_\\-]{20,})" + after, 6, v -> random(v.substring(6), 3.5)),
        rule("secret.slack-token", Severity.CRITICAL, "Slack token",
            before + "(xox[abposre]-(?:[0-9]+-)*[0-9A-Za-z]{10,}(?:-[0-9A-Za-z]+)*)" + after, 5, v -> random(v, 3.3)),
        rule("secret.slack-webhook", Severity.CRITICAL, "Slack incoming webhook",
            "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{16,})", 0,
            v -> random(v, 3.5)),
        rule("secret.discord-webhook", Severity.CRITICAL, "Discord webhook",
            "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/([A-Za-z0-9_\\-]{60,70})", 0,
            v -> random(v, 3.5)),
        rule("secret.discord-bot-token", Severity.CRITICAL, "Discord bot token",
            before + "([MNO][A-Za-z0-9_\\-]{23,25}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38})" + after, 0, v -> random(v, 4.0)),
        rule("secret.teams-webhook", Severity.CRITICAL, "Microsoft Teams webhook",
            "https://[a-z0-9\\-]+\\.webhook\\.office\\.com/webhookb2/([A-Za-z0-9@/\\-]{60,})", 0, v -> random(v, 3.5)),
        rule("secret.telegram-bot-token", Severity.CRITICAL, "Telegram bot token",
            "(?<![0-9A-Za-z])([0-9]{8,10}:AA[0-9A-Za-z_\\-]{33})" + after, 0, v -> random(v, 3.5)),
        rule("secret.stripe-key", Severity.CRITICAL, "Stripe live secret key",
            before + "((?:sk|rk)_live_[0-9A-Za-z]{24,})" + after, 8, v -> random(v.substring(8), 3.5)),
        rule("secret.npm-token", Severity.CRITICAL, "npm access token",
            before + "(npm_[A-Za-z0-9]{36})" + after, 4, v -> random(v.substring(4), 3.5)),
        rule("secret.pypi-token", Severity.CRITICAL, "PyPI upload token",
            before + "(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,})" + after, 5, v -> random(v, 4.0)),
        rule("secret.sendgrid-key", Severity.CRITICAL, "SendGrid API key",
            before + "(SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})" + after, 3, v -> random(v, 4.0)),
        rule("secret.openai-key", Severity.CRITICAL, "OpenAI API key",
            before + "(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{16,}T3BlbkFJ[A-Za-z0-9_\\-]{16,})" + after, 3, v -> random(v, 4.0)),
        rule("secret.anthropic-key", Severity.CRITICAL, "Anthropic API key",
            before + "(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\\-]{80,})" + after, 7, v -> random(v, 4.0)),
        rule("secret.huggingface-token", Severity.CRITICAL, "Hugging Face token",
            before + "(hf_[A-Za-z]{34})" + after, 3, v -> random(v.substring(3), 3.8)),
        rule("secret.shopify-token", Severity.CRITICAL, "Shopify access token",
            before + "(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + after, 6, v -> random(v.substring(6), 3.0)),
        rule("secret.google-oauth-client-secret", Severity.CRITICAL, "Google OAuth client secret",
            before + "(GOCSPX-[A-Za-z0-9_\\-]{28})" + after, 7, v -> random(v.substring(7), 3.5)),
        rule("secret.azure-ad-client-secret", Severity.CRITICAL, "Azure AD client secret",
            "(?<![A-Za-z0-9_~.\\-])([A-Za-z0-9_~.\\-]{3}8Q~[A-Za-z0-9_~.\\-]{31,34})(?![A-Za-z0-9_~.\\-])", 0, v -> random(v, 4.0)),
        rule("secret.twilio-api-key", Severity.CRITICAL, "Twilio API key",
            before + "(SK[0-9a-f]{32})" + after, 2, v -> random(v.substring(2), 3.3)),
        rule("secret.mailgun-key", Severity.CRITICAL, "Mailgun API key",
            before + "(key-[0-9a-f]{32})" + after, 4, v -> random(v.substring(4), 3.3)),
        rule("secret.mailchimp-key", Severity.CRITICAL, "Mailchimp API key",
            before + "([0-9a-f]{32}-us[0-9]{1,2})" + after, 0, v -> random(v, 3.3)),
        rule("secret.square-token", Severity.CRITICAL, "Square access token",
            before + "(sq0(?:atp|csp)-[0-9A-Za-z_\\-]{22,43}|EAAA[0-9A-Za-z_\\-]{60})" + after, 7, v -> random(v, 3.5)),
        rule("secret.digitalocean-token", Severity.CRITICAL, "DigitalOcean token",
            before + "(do[opr]_v1_[a-f0-9]{64})" + after, 7, v -> random(v.substring(7), 3.3)),
        rule("secret.linear-key", Severity.CRITICAL, "Linear API key",
            before + "(lin_api_[A-Za-z0-9]{40})" + after, 8, v -> random(v.substring(8), 3.5)),
        rule("secret.postman-key", Severity.CRITICAL, "Postman API key",
            before + "(PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + after, 5, v -> random(v, 3.3)),
        rule("secret.databricks-token", Severity.CRITICAL, "Databricks token",
            before + "(dapi[a-f0-9]{32}(?:-[0-9])?)" + after, 4, v -> random(v.substring(4), 3.3)),
        rule("secret.atlassian-token", Severity.CRITICAL, "Atlassian API token",
            before + "(ATATT3[A-Za-z0-9_\\-=]{150,})" + after, 6, v -> random(v, 4.0)),
        rule("secret.openai-legacy-key", Severity.CRITICAL, "OpenAI API key",
            before + "(sk-[A-Za-z0-9]{48})" + after, 3, v -> random(v.substring(3), 4.0)));
  }
}
