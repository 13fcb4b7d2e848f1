package dev.storyflow.lifecycle;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Draft objections carry weight: when the system architect or the security expert did not approve
 * the draft in this round of reviews, the product owner's approval overrules them, needs a comment
 * and is recorded as an override. The round's opinions are read from the audit (those after the
 * product owner's last Draft decision); an audit that cannot be read fails closed.
 */
@Component
class DraftObjectionGuard implements ApprovalGuard {

  private final AuditLog audit;

  DraftObjectionGuard(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables) {
    if (task != StoryTask.APPROVE_DRAFT) {
      return Optional.empty();
    }
    if (!(variables.get(StoryVariables.STORY_ID) instanceof String storyId)) {
      return Optional.of("the Draft reviews cannot be read (no story id)");
    }
    List<AuditEntry> entries;
    try {
      entries = audit.forStory(storyId);
    } catch (DataAccessException e) {
      return Optional.of("the Draft reviews cannot be read from the audit");
    }
    long round = DraftRound.start(entries);
    List<String> objections = entries.stream()
        .filter(e -> DraftRound.isOpenObjection(e, round))
        .map(DraftObjectionGuard::describe)
        .toList();
    return objections.isEmpty() ? Optional.empty()
        : Optional.of("open objection" + (objections.size() > 1 ? "s" : "") + " in Draft: "
            + objections.stream().collect(Collectors.joining("; ")));
  }

  private static String describe(AuditEntry objection) {
    String role = StoryTask.ofId(objection.taskDefinitionKey()).map(t -> t.role().label()).orElse("reviewer");
    return role + (objection.actor() == null ? "" : " (" + objection.actor() + ")") + " said: " + objection.comment();
  }
}
