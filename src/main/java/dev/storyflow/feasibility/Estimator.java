package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first story-point estimate from what the text shows: the number of acceptance criteria, extra
 * features, epic-sized scope, unknowns, integrations, data migration, demanding qualities,
 * security sensitivity, frontend work and length. The sum is rounded up to the planning-poker
 * scale (1, 2, 3, 5, 8, 13, 20, 40, 100); every addition comes with its reason.
 */
class Estimator {

  static final int[] SCALE = {1, 2, 3, 5, 8, 13, 20, 40, 100};
  static final int LONG_STORY_WORDS = 250;

  private static final Lexicon INTEGRATION = Lexicon.resource("integration", "estimate/integration");
  private static final Lexicon MIGRATION = Lexicon.resource("migration", "estimate/migration");
  private static final Lexicon DEMANDING = Lexicon.resource("demanding quality", "estimate/demanding");

  /**
   * @param points story points on the planning-poker scale
   * @param reasons why, one line per addition
   */
  record Estimate(int points, List<String> reasons) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("points", points);
      map.put("reasons", reasons);
      return map;
    }
  }

  Estimate estimate(StoryText story, List<Finding> findings, SecuritySensitivity.Profile security) {
    List<String> reasons = new ArrayList<>();
    int effort = 1;
    reasons.add("a small change to start from (1)");
    int criteria = story.criteria().size();
    int forCriteria = criteria == 0 ? 2 : criteria <= 2 ? 0 : criteria <= 4 ? 1 : criteria <= 6 ? 2
        : criteria <= 9 ? 4 : criteria <= 14 ? 7 : 12;
    if (forCriteria > 0) {
      effort += forCriteria;
      reasons.add(criteria == 0 ? "no acceptance criteria, so the scope is unknown (+2)"
          : criteria + " acceptance criteria (+" + forCriteria + ")");
    }
    effort += add(reasons, (int) count(findings, Criterion.ATOMIC) * 3, "more than one feature (+%d)");
    long scope = findings.stream().filter(f -> f.criterion() == Criterion.ESTIMABLE)
        .filter(f -> "estimable.epic-scope".equals(f.rule())).count();
    long unknowns = count(findings, Criterion.ESTIMABLE) - scope;
    effort += add(reasons, (int) scope * 13, "scope of an epic (+%d)");
    effort += add(reasons, (int) Math.min(unknowns, 3) * 3, "unknowns to resolve (+%d)");
    List<Segment> text = story.allText();
    effort += add(reasons, occurs(INTEGRATION, text) ? 2 : 0, "integration with another system (+%d)");
    effort += add(reasons, occurs(MIGRATION, text) ? 3 : 0, "existing data to migrate (+%d)");
    effort += add(reasons, occurs(DEMANDING, text) ? 2 : 0, "demanding quality: real time, scale, offline or encryption (+%d)");
    effort += add(reasons, security.sensitive() ? 1 : 0, "security-sensitive: needs security tests and review (+%d)");
    effort += add(reasons, story.components().contains("frontend") ? 1 : 0, "frontend work as well (+%d)");
    effort += add(reasons, story.dependsOn().isEmpty() ? 0 : 1, "coordination with the stories it depends on (+%d)");
    long words = story.statementAndCriteria().stream().mapToLong(s -> Words.of(s.text()).wordCount()).sum();
    effort += add(reasons, words > LONG_STORY_WORDS ? 3 : 0, "a long story (" + words + " words) (+%d)");
    int points = SCALE[SCALE.length - 1];
    for (int step : SCALE) {
      if (step >= effort) {
        points = step;
        break;
      }
    }
    return new Estimate(points, List.copyOf(reasons));
  }

  private static int add(List<String> reasons, int effort, String reason) {
    if (effort > 0) {
      reasons.add(String.format(reason, effort));
    }
    return effort;
  }

  private static long count(List<Finding> findings, Criterion criterion) {
    return findings.stream().filter(f -> f.criterion() == criterion).count();
  }

  private static boolean occurs(Lexicon lexicon, List<Segment> segments) {
    return segments.stream().anyMatch(s -> lexicon.occursIn(s.text()));
  }
}
