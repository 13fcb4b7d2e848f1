package dev.storyflow.securityscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings the team has accepted, from the allow-list file at the root of the repository and from
 * inline markers. The file has one entry per line ({@code #} starts a comment, which becomes the
 * reason):
 * <pre>
 * docs/**                      every finding in these files
 * src/test/** secret.*         one rule (or rules, with a trailing *) in these files
 * fingerprint:3f9a1c0b2d4e5f60 one finding, by the fingerprint the report shows
 * </pre>
 * A glob without {@code /} matches the file name in any folder. An inline marker (default
 * {@code storyflow:allow}) on the line of a finding, or {@code storyflow:allow-next-line} on the
 * line before it, allows that finding. Allowed findings stay in the report and the SARIF as
 * suppressed, so the security expert sees them.
 */
final class AllowList {

  private record Entry(PathMatcher path, String rule, String fingerprint, String reason) {
  }

  private final List<Entry> entries;
  private final String marker;
  private final String fileName;

  private AllowList(List<Entry> entries, String marker, String fileName) {
    this.entries = entries;
    this.marker = marker;
    this.fileName = fileName;
  }

  static AllowList load(Path root, String fileName, String marker) {
    Path file = root.resolve(fileName);
    List<Entry> entries = new ArrayList<>();
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int hash = raw.indexOf('#');
          String reason = hash >= 0 ? raw.substring(hash + 1).strip() : "";
          String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
          if (line.isEmpty()) {
            continue;
          }
          String why = fileName + (reason.isEmpty() ? "" : ": " + reason);
          if (line.startsWith("fingerprint:")) {
            entries.add(new Entry(null, null, line.substring("fingerprint:".length()).strip(), why));
            continue;
          }
          String[] parts = line.split("\\s+", 2);
          String glob = parts[0].contains("/") ? parts[0] : "**/" + parts[0];
          PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
          PathMatcher top = parts[0].contains("/") ? matcher : FileSystems.getDefault().getPathMatcher("glob:" + parts[0]);
          PathMatcher either = p -> matcher.matches(p) || top.matches(p);
          entries.add(new Entry(either, parts.length > 1 ? parts[1].strip() : null, null, why));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new AllowList(entries, marker, fileName);
  }

  String fileName() {
    return fileName;
  }

  /** Why the finding is allowed, or empty when it counts. */
  Optional<String> reason(Finding finding, SourceFile file) {
    if (file != null && finding.line() >= 1 && finding.line() <= file.lineCount() && !marker.isBlank()) {
      if (file.line(finding.line()).contains(marker)) {
        return Optional.of("inline marker " + marker);
      }
      if (finding.line() > 1 && file.line(finding.line() - 1).contains(marker + "-next-line")) {
        return Optional.of("inline marker " + marker + "-next-line");
      }
    }
    Path path = Path.of(finding.file());
    for (Entry e : entries) {
      if (e.fingerprint() != null) {
        if (e.fingerprint().equalsIgnoreCase(finding.fingerprint())) {
          return Optional.of(e.reason());
        }
      } else if (e.path().matches(path) && ruleMatches(e.rule(), finding.rule())) {
        return Optional.of(e.reason());
      }
    }
    return Optional.empty();
  }

  private static boolean ruleMatches(String pattern, String rule) {
    if (pattern == null) {
      return true;
    }
    return pattern.endsWith("*") ? rule.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(rule);
  }
}
