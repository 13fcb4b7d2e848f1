package dev.storyflow.feasibility;

import dev.storyflow.feasibility.Words.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Criterion#ATOMIC}: the means asks for one feature. Flags two actions joined by a
 * conjunction ("create and delete", "export or print", "add/edit", "…, and also send …"), a second
 * "I want" and a second sentence that adds a feature ("Also …"). Two objects of one action
 * ("name and email") are one feature and pass: only a verb after the conjunction counts.
 */
class AtomicCheck implements QualityCheck {

  /** Words that are (nearly) always verbs in a story's means. */
  static final Set<String> VERBS = Set.copyOf(List.of(
      "create", "add", "edit", "delete", "remove", "modify", "view", "see", "read", "download", "upload",
      "send", "receive", "cancel", "approve", "reject", "submit", "select", "choose", "assign", "invite",
      "configure", "enable", "disable", "reset", "save", "archive", "restore", "track", "monitor", "notify",
      "generate", "calculate", "compare", "validate", "verify", "register", "subscribe", "unsubscribe",
      "browse", "find", "open", "close", "pay", "purchase", "buy", "sell", "rename", "move", "copy",
      "attach", "publish", "unpublish", "mark", "translate", "customize", "customise", "synchronize",
      "synchronise", "sync", "integrate", "migrate", "navigate", "refund", "block", "unblock", "follow",
      "unfollow", "vote", "print", "scan", "embed", "preview", "undo", "redo", "write", "get", "make",
      "manage", "sort", "show", "hide", "enter", "fill", "finish", "start", "stop", "pause", "resume",
      "retry", "set", "define", "specify", "store", "keep", "erase", "lock", "unlock", "login", "logout",
      "log", "sign", "authenticate", "authorize", "authorise", "grant", "revoke", "accept", "decline",
      "confirm", "reply", "respond", "upvote", "downvote", "rank", "prioritize", "prioritise", "allocate",
      "transfer", "withdraw", "deposit", "convert", "resize", "crop", "rotate", "zoom", "play", "stream",
      "watch", "listen", "contact", "remind", "inspect", "analyze", "analyse", "visualize", "visualise",
      "summarize", "summarise", "recover", "reuse", "clone", "install", "uninstall", "upgrade", "downgrade",
      "apply", "enrol", "enroll", "join", "leave", "kick", "ban", "moderate", "highlight", "annotate",
      "categorize", "categorise", "classify", "organize", "organise", "arrange", "reorder", "pin", "unpin",
      "mute", "unmute", "publish", "delegate", "escalate", "approve", "export", "import", "access",
      "display", "replace", "insert", "duplicate", "receive", "exchange", "rate", "edit", "retrieve",
      "submit", "discover", "explore", "collect", "gather", "choose", "pick", "buy", "reserve", "rent",
      "return", "ship", "deliver", "notify", "attend", "answer", "ask", "write", "draw", "type", "use", "retire",
      "decommission", "shut", "merge", "combine", "extend", "renew", "reserve", "forward", "print", "edit",
      "unsubscribe", "reactivate", "deactivate", "activate", "suspend", "terminate", "rebook", "reschedule",
      "notify", "recommend", "suggest", "predict", "forecast", "evaluate", "assess", "grade", "rate", "sign",
      "encrypt", "decrypt", "compress", "archive", "delete", "purge", "clean", "tidy", "embed", "transcribe",
      "dispatch", "route", "load", "unload", "pack", "unpack", "weigh", "measure", "count", "scan"));

  /** Words that are verbs or nouns: a verb only when something verb-like follows. */
  static final Set<String> NOUN_OR_VERB = Set.copyOf(List.of(
      "update", "change", "search", "filter", "list", "schedule", "book", "order", "review", "comment",
      "report", "request", "post", "tag", "bookmark", "favorite", "favourite", "like", "plan", "estimate",
      "invoice", "bill", "charge", "record", "call", "chat", "message", "email", "e-mail", "alert", "check",
      "trace", "audit", "backup", "deploy", "test", "fix", "flag", "group", "label", "link", "split",
      "complete", "share", "print", "map", "design", "note", "save", "process", "view",
      "access", "display", "export", "import", "rate", "type", "return", "answer", "use", "sort", "copy",
      "download", "upload", "play", "pay", "start", "stop", "pause", "route", "load", "count", "measure", "scan",
      "forward", "grade", "dispatch", "pack", "archive", "extend", "clean"));

  /** After a noun-or-verb, these make it a verb: "and share it", "and comment on", "and order the". */
  private static final Set<String> VERB_FOLLOWERS = Set.of(
      "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those",
      "all", "them", "it", "him", "me", "us", "new", "existing", "any", "each", "every", "some", "other",
      "on", "in", "to", "for", "with", "from", "into", "out", "up", "down", "off", "back", "by", "via",
      "again", "later");

  private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "&", "+", "plus", "and/or");

  /** What may stand between the conjunction and the second action: "and also to", "or be able to". */
  private static final Set<String> FILLERS = Set.of(
      "to", "also", "then", "can", "could", "will", "should", "may", "might", "be", "able", "i", "we",
      "want", "would", "like", "need", "later", "afterwards", "easily", "quickly", "directly", "even",
      "both", "either", "immediately", "automatically", "finally", "subsequently", "optionally");

  /** Pairs that name one interaction. */
  private static final Pattern ONE_INTERACTION = Pattern.compile(
      "(?i)\\b(?:drag\\s+and\\s+drop|copy\\s+and\\s+paste|cut\\s+and\\s+paste|search\\s+and\\s+replace"
          + "|find\\s+and\\s+replace|pick\\s+and\\s+choose|mix\\s+and\\s+match|read\\s+and\\s+write|read/write"
          + "|log\\s+in\\s+and\\s+out|sign\\s+in\\s+and\\s+out|check\\s+in\\s+and\\s+out|back\\s+and\\s+forth"
          + "|click\\s+and\\s+collect|buy\\s+now\\s+and\\s+pay\\s+later|try\\s+and)\\b");

  private static final Pattern SECOND_WANT = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:and\\s+)?I\\s+(?:also\\s+)?(?:want|need|would\\s+like|wish)(?![\\p{L}])");
  private static final Pattern ADDITIVE_SENTENCE = Pattern.compile(
      "(?i)[.;!]\\s+(?:also|additionally|in\\s+addition|furthermore|moreover|plus|and|as\\s+well)\\b[^.;!]*");

  @Override
  public List<Finding> check(StoryText story) {
    Segment means = story.statement().means();
    if (means == null) {
      return List.of();
    }
    String text = ONE_INTERACTION.matcher(means.text()).replaceAll(m -> "_".repeat(m.group().length()));
    List<Finding> findings = new ArrayList<>();
    Words words = Words.of(text);
    for (int i = 1; i < words.size(); i++) {
      Word word = words.get(i);
      boolean slash = "/".equals(word.lower()) && isVerb(words, i - 1, false);
      boolean conjunction = CONJUNCTIONS.contains(word.lower()) || isAsWellAs(words, i);
      if (!slash && !conjunction) {
        continue;
      }
      int next = slash ? i + 1 : words.skip(i + (isAsWellAs(words, i) ? 3 : 1), FILLERS);
      if (isVerb(words, next, !slash)) {
        int from = firstVerbBefore(words, i);
        Word last = words.get(next);
        String evidence = means.text().substring(words.get(from).start(), last.end());
        findings.add(new Finding(Criterion.ATOMIC, Severity.WARNING,
            "Two actions in one story (\"" + words.get(from).text() + "\" and \"" + last.text()
                + "\"): split it so that each story delivers one feature", means.evidence(evidence)));
        break;
      }
    }
    var second = SECOND_WANT.matcher(means.text());
    if (findings.isEmpty() && second.find()) {
      findings.add(new Finding(Criterion.ATOMIC, Severity.WARNING,
          "A second \"I want\" in the statement: each wish is a story of its own", means.evidence(second.group())));
    }
    var additive = ADDITIVE_SENTENCE.matcher(means.text());
    if (findings.isEmpty() && additive.find()) {
      findings.add(new Finding(Criterion.ATOMIC, Severity.WARNING,
          "A further sentence adds another feature: split it into its own story",
          means.evidence(additive.group().substring(1).strip())));
    }
    return findings;
  }

  private static boolean isAsWellAs(Words words, int i) {
    return "as".equals(words.lower(i)) && "well".equals(words.lower(i + 1)) && "as".equals(words.lower(i + 2));
  }

  private static boolean isVerb(Words words, int i, boolean strict) {
    String w = words.lower(i);
    if (VERBS.contains(w)) {
      return !NOUN_OR_VERB.contains(w) || !strict || VERB_FOLLOWERS.contains(words.lower(i + 1))
          || "to".equals(words.lower(i - 1));
    }
    if (NOUN_OR_VERB.contains(w)) {
      return !strict || VERB_FOLLOWERS.contains(words.lower(i + 1)) || "to".equals(words.lower(i - 1));
    }
    return false;
  }

  private static int firstVerbBefore(Words words, int conjunction) {
    for (int i = conjunction - 1; i >= 0; i--) {
      if (",".equals(words.lower(i)) || ".".equals(words.lower(i))) {
        return Math.min(i + 1, conjunction - 1);
      }
      if (VERBS.contains(words.lower(i)) || NOUN_OR_VERB.contains(words.lower(i))) {
        return i;
      }
    }
    return Math.max(0, conjunction - 1);
  }
}
