package dev.storyflow.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Writes every checked decision to the audit, in the completion's transaction: who, when, what,
 * and the evidence it was checked against (each evidence variable's SHA-256, or {@code missing}).
 * After an override, the JSON variable {@code overrides} is rebuilt from the audit, so that task
 * forms and Cockpit show the overrides; the audit stays the record, and the variable can be
 * neither submitted nor changed by anyone but an admin.
 */
@Component
class DecisionAudit {

  private final AuditLog audit;
  private final DecisionRules rules;
  private final ObjectMapper json;

  DecisionAudit(AuditLog audit, DecisionRules rules, ObjectMapper json) {
    this.audit = audit;
    this.rules = rules;
    this.json = json;
  }

  void record(DelegateTask task, StoryTask storyTask, Status status, Decision decision) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String evidence = rules.evidenceVariables(storyTask).stream()
        .map(name -> name + " " + digest(task.getVariable(name)))
        .collect(Collectors.joining("; "));
    String processInstanceId = task.getProcessInstanceId();
    audit.append(new AuditEntry(0, task.getExecution().getProcessBusinessKey(), processInstanceId, Instant.now(),
        user == null ? null : user.getUserId(),
        decision.override() == null ? AuditEntry.DECISION : AuditEntry.OVERRIDE,
        status == null ? null : status.name(), task.getId(), task.getTaskDefinitionKey(), decision.outcome().name(),
        decision.reworkTo() == null ? null : decision.reworkTo().name(), decision.comment(), decision.override(),
        evidence.isEmpty() ? null : evidence));
    if (decision.override() != null) {
      task.setVariable(StoryVariables.OVERRIDES, SpinValues.jsonValue(overrides(processInstanceId)).create());
    }
  }

  private String overrides(String processInstanceId) {
    ArrayNode entries = json.createArrayNode();
    for (AuditEntry entry : audit.overrides(processInstanceId)) {
      ObjectNode node = entries.addObject();
      node.put("task", entry.taskDefinitionKey());
      node.put("status", entry.status());
      node.put("by", entry.actor());
      node.put("reason", entry.reason());
      node.put("comment", entry.comment());
      node.put("evidence", entry.evidence());
      node.put("at", entry.at().toString());
    }
    try {
      return json.writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write overrides", e);
    }
  }

  private static String digest(Object value) {
    if (value == null) {
      return "missing";
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
