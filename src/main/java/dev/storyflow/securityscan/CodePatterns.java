package dev.storyflow.securityscan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Insecure code in JavaScript, TypeScript and Python, found by line patterns: SQL built from
 * strings, disabled TLS verification, weak hashes for passwords, unsafe deserialization. Java gets
 * the same ideas through PMD ({@link PmdScanner}).
 */
final class CodePatterns {

  /** A finding of a pattern rule: the rule and the 1-based line. */
  record Hit(Rule rule, int line) {
  }

  /**
   * A pattern rule.
   *
   * @param context when set, the rule only fires when this pattern also matches within two lines
   * @param unless when set, the rule does not fire on a line that matches it
   */
  record Rule(String id, Severity severity, String description, Set<String> extensions, Pattern pattern,
      Pattern context, Pattern unless) {
  }

  private static final Set<String> JS = Set.of("js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts");
  private static final Set<String> PY = Set.of("py");
  private static final String SQL = "(?:SELECT\\s[^\"'`]*?\\bFROM|INSERT\\s+INTO|UPDATE\\s+[\\w.\"`\\[\\]]+\\s+SET|DELETE\\s+FROM)\\b";
  private static final Pattern PASSWORD_CONTEXT = Pattern.compile("(?i)pass(word|wd|phrase)?|pwd|credential");
  private static final Pattern COMMENT = Pattern.compile("^\\s*(//|#|\\*|/\\*)");

  private final List<Rule> rules = List.of(
      new Rule("js.sql-concatenation", Severity.HIGH, "SQL built by string concatenation or interpolation; use parameters",
          JS, Pattern.compile("(?i)" + quoted(SQL + "%s", "\\s*\\+\\s*[A-Za-z_$(]") + "|`\\s*" + SQL + "[^`]*\\$\\{"), null, Pattern.compile("(?i)(?<![A-Za-z0-9_])sql\\s*`|queryRaw\\s*`")),
      new Rule("js.tls-verification-disabled", Severity.HIGH, "TLS certificate or host name verification is disabled",
          JS, Pattern.compile("rejectUnauthorized\\s*:\\s*false|NODE_TLS_REJECT_UNAUTHORIZED\\s*\\]?\\s*=\\s*['\"]?0"
              + "|strictSSL\\s*:\\s*false|checkServerIdentity\\s*:\\s*\\(\\s*\\)\\s*=>\\s*(undefined|null|\\{\\s*\\})"),
          null, null),
      new Rule("js.weak-password-hash", Severity.MEDIUM, "Password hashed with a fast or broken hash; use bcrypt, scrypt or Argon2",
          JS, Pattern.compile("(?i)createHash\\(\\s*['\"](md5|md4|sha1|sha-1)['\"]|\\b(md5|sha1)\\s*\\("), PASSWORD_CONTEXT, null),
      new Rule("js.unsafe-deserialization", Severity.HIGH, "Deserializing untrusted data can run code",
          JS, Pattern.compile("\\bunserialize\\s*\\(|\\bcryo\\.parse\\s*\\("), null, null),
      new Rule("py.sql-concatenation", Severity.HIGH, "SQL built by string formatting or concatenation; use parameters",
          PY, Pattern.compile("(?i)\\bf\"[^\"]*" + SQL + "[^\"]*\\{|\\bf'[^']*" + SQL + "[^']*\\{|"
              + quoted(SQL + "%s", "\\s*(%\\s*[A-Za-z_(]|\\+\\s*[A-Za-z_(]|\\.format\\()")), null, null),
      new Rule("py.tls-verification-disabled", Severity.HIGH, "TLS certificate or host name verification is disabled",
          PY, Pattern.compile("\\bverify\\s*=\\s*False\\b|ssl\\._create_unverified_context|\\bCERT_NONE\\b"
              + "|check_hostname\\s*=\\s*False"), null, null),
      new Rule("py.weak-password-hash", Severity.MEDIUM, "Password hashed with a fast or broken hash; use bcrypt, scrypt or Argon2",
          PY, Pattern.compile("(?i)hashlib\\.(md5|sha1|md4)\\s*\\(|hashlib\\.new\\(\\s*['\"](md5|sha1|md4)['\"]"),
          PASSWORD_CONTEXT, null),
      new Rule("py.unsafe-deserialization", Severity.HIGH, "Deserializing untrusted data can run code",
          PY, Pattern.compile("\\b(c?[Pp]ickle|_pickle|dill|marshal|cloudpickle)\\.loads?\\s*\\(|\\bjsonpickle\\.decode\\s*\\("
              + "|\\byaml\\.(unsafe_)?load\\s*\\(|\\bshelve\\.open\\s*\\("),
          null, Pattern.compile("Loader\\s*=\\s*(yaml\\.)?C?SafeLoader")));

  /** A string in either quote holding {@code body} (with %s for "any other characters"), then {@code after}. */
  private static String quoted(String body, String after) {
    return "\"\\s*" + body.replace("%s", "[^\"]*") + "\"" + after + "|'\\s*" + body.replace("%s", "[^']*") + "'" + after;
  }

  List<Rule> rules() {
    return rules;
  }

  boolean applies(SourceFile file) {
    return JS.contains(file.extension()) || PY.contains(file.extension());
  }

  List<Hit> scan(SourceFile file) {
    List<Hit> hits = new ArrayList<>();
    for (Rule rule : rules) {
      if (!rule.extensions().contains(file.extension())) {
        continue;
      }
      for (int line = 1; line <= file.lineCount(); line++) {
        String text = file.line(line);
        if (COMMENT.matcher(text).find() || !rule.pattern().matcher(text).find()
            || (rule.unless() != null && rule.unless().matcher(text).find())) {
          continue;
        }
        if (rule.context() == null || inContext(file, line, rule.context())) {
          hits.add(new Hit(rule, line));
        }
      }
    }
    return hits;
  }

  private static boolean inContext(SourceFile file, int line, Pattern context) {
    for (int l = Math.max(1, line - 2); l <= Math.min(file.lineCount(), line + 2); l++) {
      if (context.matcher(file.line(l)).find()) {
        return true;
      }
    }
    return false;
  }
}
