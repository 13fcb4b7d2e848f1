package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds secret values inlined in deployment files, line by line: private key blocks, credentials
 * in URLs, a value given to a variable or key whose name says it is a secret
 * ({@code POSTGRES_PASSWORD: hunter2}, {@code ENV API_TOKEN=...}, {@code DB_PASSWORD=...} in an
 * env file), and long random-looking literals. References ({@code ${NAME}},
 * {@code ${{ secrets.NAME }}}, {@code secretKeyRef}) are what a bundle should hold instead.
 */
@Component
class InlineSecretCheck implements BundleSecretCheck {

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----");
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@'\"]*:([^\\s@/'\"]+)@");
  /** {@code NAME: value}, {@code - NAME=value}, {@code NAME=value}, {@code ENV NAME=value}, {@code ARG NAME=value}. */
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^\\s*(?:-\\s+)?(?:(?:ENV|ARG|export)\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*([:=])\\s*(.*)$");
  /** Dockerfile {@code ENV NAME value}. */
  private static final Pattern DOCKER_ENV_SPACE = Pattern.compile("^\\s*ENV\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+([^=\\s].*)$");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{24,}");
  /** Keys that name a secret without holding its value: references, file paths, Secret names. */
  private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(REF|NAME|FILE|PATH|SECRETS)$");
  private static final Set<String> EMPTY_VALUES = Set.of("", "~", "null", "\"\"", "''", "|", ">", "[]", "{}");

  private final DeploymentProperties properties;

  InlineSecretCheck(DeploymentProperties properties) {
    this.properties = properties;
  }

  @Override
  public List<Finding> scan(String file, String content) {
    List<Finding> findings = new ArrayList<>();
    String[] lines = content.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (PRIVATE_KEY.matcher(line).find()) {
        findings.add(new Finding(number, "a private key block: keep keys in a Secret or a secret store"));
        continue;
      }
      Matcher url = URL_CREDENTIALS.matcher(line);
      if (url.find() && literal(url.group(1))) {
        findings.add(new Finding(number, "a password in a URL: take the credentials from the environment"));
        continue;
      }
      String name = secretAssignment(line);
      if (name != null) {
        findings.add(new Finding(number, name + " has a value written in: leave it empty here and take it from "
            + "the environment (${" + name + "}) or a Kubernetes Secret"));
        continue;
      }
      if (randomLiteral(line)) {
        findings.add(new Finding(number, "a long random-looking literal, probably a key or token: take it from the "
            + "environment or a Secret"));
      }
    }
    return findings;
  }

  /** The name of a secret given a literal value on this line, or {@code null}. */
  private String secretAssignment(String line) {
    String trimmed = line.strip();
    String body = trimmed.startsWith("#") ? trimmed.substring(1) : line;
    Matcher m = ASSIGNMENT.matcher(body);
    String name;
    String value;
    if (m.matches()) {
      name = m.group(1);
      value = m.group(3);
    } else {
      Matcher env = DOCKER_ENV_SPACE.matcher(body);
      if (!env.matches()) {
        return null;
      }
      name = env.group(1);
      value = env.group(2);
    }
    if (!properties.isSecret(name) || REFERENCE_KEY.matcher(name).matches()) {
      return null;
    }
    return literal(clean(value)) ? name : null;
  }

  private static String clean(String value) {
    String v = value.strip();
    if (!v.startsWith("\"") && !v.startsWith("'")) {
      int comment = v.indexOf(" #");
      if (comment >= 0) {
        v = v.substring(0, comment).strip();
      }
    }
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  /** Not empty and not a reference to a value kept elsewhere. */
  private static boolean literal(String value) {
    String v = value.strip();
    return !EMPTY_VALUES.contains(v.toLowerCase(Locale.ROOT)) && !v.startsWith("$") && !v.startsWith("{{")
        && !v.startsWith("*") && !v.startsWith("&") && !v.startsWith("!") && !v.startsWith("<");
  }

  private static boolean randomLiteral(String line) {
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      String token = m.group();
      if (token.chars().anyMatch(Character::isUpperCase) && token.chars().anyMatch(Character::isLowerCase)
          && token.chars().anyMatch(Character::isDigit) && entropy(token) >= 4.0) {
        return true;
      }
    }
    return false;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String text) {
    int[] counts = new int[128];
    int other = 0;
    for (char c : text.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    for (int count : counts) {
      entropy -= count == 0 ? 0 : (double) count / text.length() * (Math.log((double) count / text.length()) / Math.log(2));
    }
    return other == 0 ? entropy : entropy + 1;
  }
}
