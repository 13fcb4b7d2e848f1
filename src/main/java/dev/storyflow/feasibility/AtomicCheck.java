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
  static final Set<String> VERBS = Set.of(
      "accept", "activate", "add", "adjust", "allow", "analyse", "analyze", "annotate", "apply", "approve",
      "arrange", "ask", "assign", "attach", "attend", "authenticate", "authorise", "authorize", "backup", "ban",
      "block", "browse", "buy", "calculate", "cancel", "capture", "choose", "claim", "clone", "close", "collect",
      "combine", "compare", "compose", "configure", "confirm", "connect", "contact", "continue", "convert", "create",
      "customise", "customize", "deactivate", "decide", "declare", "decline", "decommission", "decrypt", "define",
      "delegate", "delete", "deliver", "deny", "deposit", "describe", "detect", "determine", "disable", "discard",
      "discover", "dismiss", "dispatch", "donate", "downgrade", "download", "draw", "duplicate", "edit", "embed",
      "enable", "encrypt", "enrol", "enroll", "enter", "erase", "escalate", "evaluate", "exclude", "execute",
      "expand", "explore", "extend", "fetch", "fill", "find", "finish", "forecast", "forward", "generate", "get",
      "give", "grant", "hide", "highlight", "hire", "identify", "ignore", "import", "include", "inform", "insert",
      "inspect", "install", "integrate", "invite", "join", "keep", "kick", "launch", "leave", "locate", "login",
      "logout", "maintain", "make", "manage", "merge", "migrate", "modify", "monitor", "move", "mute", "navigate", "notify",
      "obtain", "open", "organise", "organize", "override", "pay", "predict", "preview", "print", "prioritise",
      "prioritize", "produce", "promote", "protect", "provide", "publish", "purchase", "purge", "reactivate", "read",
      "reassign", "receive", "recommend", "recover", "redeem", "redirect", "refresh", "refund", "register", "reject",
      "remind", "remove", "rename", "renew", "reopen", "reorder", "repeat", "replace", "reschedule", "resolve",
      "respond", "restore", "resume", "retire", "retrieve", "retry", "reuse", "revoke", "rotate", "save", "see",
      "select", "sell", "send", "set", "show", "simulate", "skip", "specify", "submit", "subscribe", "suggest",
      "summarise", "summarize", "suspend", "sync", "synchronise", "synchronize", "terminate", "track", "translate",
      "unblock", "undo", "uninstall", "unlock", "unmute", "unpin", "unpublish", "unsubscribe", "upgrade", "upload",
      "use", "validate", "verify", "view", "visit", "withdraw", "write", "zoom");

  /** Words that are verbs or nouns: a verb only when something verb-like follows. */
  static final Set<String> NOUN_OR_VERB = Set.of(
      "access", "answer", "archive", "backup", "bid", "book", "bookmark", "call", "change", "charge", "chat",
      "check", "clean", "comment", "complete", "contact", "control", "copy", "count", "design", "dispatch",
      "display", "download", "email", "end", "estimate", "exchange", "export", "filter", "fix", "flag", "forward",
      "grade", "group", "import", "invoice", "label", "like", "limit", "link", "list", "load", "lock", "log", "look",
      "map", "mark", "match", "measure", "mention", "message", "order", "pack", "pause", "pay", "pick", "pin",
      "place", "plan", "play", "post", "print", "process", "query", "rate", "record", "release", "reply", "report",
      "request", "reserve", "return", "review", "route", "scan", "schedule", "search", "share", "ship", "sign",
      "sort", "split", "start", "stop", "store", "stream", "switch", "tag", "test", "trace", "trade", "transfer",
      "trigger", "type", "update", "upload", "use", "view", "visit", "vote", "watch");

  /** After a noun-or-verb, these make it a verb: "and share it", "and comment on", "and order the". */
  private static final Set<String> VERB_FOLLOWERS = Set.of(
      "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those",
      "all", "them", "it", "him", "me", "us", "new", "existing", "any", "each", "every", "some", "other",
      "on", "in", "to", "for", "with", "from", "into", "out", "up", "down", "off", "back", "by", "via",
      "again", "later");

  /** After a conjunction, an unknown word followed by one of these is a verb: "and continue later", "and notify the". */
  private static final Set<String> OBJECT_STARTS = Set.of(
      "the", "a", "an", "my", "our", "your", "their", "its", "his", "her", "this", "these", "those", "it", "them",
      "him", "me", "us", "all", "each", "every", "later", "again");

  /** Words that are never the second action. */
  private static final Set<String> NOT_VERBS = Set.of(
      "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind", "below",
      "between", "beyond", "by", "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on",
      "onto", "out", "outside", "over", "through", "to", "toward", "towards", "under", "until", "up", "upon", "with",
      "within", "without", "via", "per", "including", "then", "so", "that", "which", "who", "when", "where", "while",
      "if", "as", "not", "only", "just", "all", "other", "others", "more", "less", "also", "both", "either", "how",
      "what", "why", "whether", "there", "here", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do",
      "does", "did", "i", "we", "you", "they", "he", "she", "it", "one", "two", "three", "new", "old", "same");

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
    return strict && w.length() > 2 && w.chars().allMatch(Character::isLetter) && !w.endsWith("ly")
        && !NOT_VERBS.contains(w) && OBJECT_STARTS.contains(words.lower(i + 1));
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
