package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Criterion#WELL_FORMED}: the story names at least a role and a means (QUS: "As a ‹role›,
 * I want ‹means›"). The ends ("so that") are optional in the framework and not required here.
 */
class WellFormedCheck implements QualityCheck {

  @Override
  public List<Finding> check(StoryText story) {
    Statement statement = story.statement();
    List<Finding> findings = new ArrayList<>();
    if (statement.role() == null && statement.means() == null) {
      findings.add(new Finding("well-formed.no-statement",
          "No user story statement: write who wants it and what (\"As a …, I want …, so that …\")",
          story.titleSegment().evidence()));
      return findings;
    }
    if (statement.role() == null) {
      findings.add(new Finding("well-formed.no-role",
          "No role: say who wants this (\"As a …\")",
          statement.means().evidence().field().equals(I_WANT) ? new Evidence(AS_A, null, "")
              : statement.means().evidence()));
    }
    if (statement.means() == null) {
      findings.add(new Finding("well-formed.no-means",
          "No means: say what the role wants (\"I want …\")",
          statement.role().field().equals(AS_A) ? new Evidence(I_WANT, null, "") : statement.role().evidence()));
    } else if (!statement.means().text().replaceFirst("(?i)^to\\s+(?:be\\s+able\\s+to\\s+)?", "")
        .matches("(?s).*[\\p{L}]{2,}.*")) {
      findings.add(new Finding("well-formed.empty-means",
          "The means says nothing: say what the role wants", statement.means().evidence()));
    }
    return findings;
  }
}
