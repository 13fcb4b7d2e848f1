package dev.storyflow.epic;

import static dev.storyflow.lifecycle.StoryVariables.CREATED_BY;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryVariablesMapper;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a story of an epic file at the status the file gives it, for an admin who asks
 * ({@code ?atStatus=true}): the process instance starts before the status's entry element
 * ({@link Status#entryElementId()}) with Camunda's start instructions, which the lifecycle's command
 * rules allow admins only. The start rules still run (they are a built-in listener of the process
 * start: the id is checked and registered for ever); the story's fields were checked by the same
 * rules as the intake's before, and are stored as the intake stores them. A story at Done starts
 * at {@code EndEvent_StoryDone} and ends at once. The start and its audit entry (who, which status,
 * from which epic) commit together.
 */
@Component
class StatusStart {

  /** The audit entry's kind: a story imported at a later status than Draft. */
  static final String IMPORT_AT_STATUS = "IMPORT_AT_STATUS";

  private final RuntimeService runtimeService;
  private final StoryVariablesMapper mapper;
  private final AuditLog audit;
  private final TransactionTemplate transaction;

  StatusStart(RuntimeService runtimeService, StoryVariablesMapper mapper, AuditLog audit,
      PlatformTransactionManager transactions) {
    this.runtimeService = runtimeService;
    this.mapper = mapper;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * @throws dev.storyflow.story.DuplicateStoryException when the id is taken meanwhile
   */
  void start(StoryInput story, Status status, String epicId, String user) {
    Map<String, Object> variables = mapper.toVariables(story);
    variables.put(CREATED_BY, user);
    transaction.executeWithoutResult(tx -> {
      ProcessInstance instance = runtimeService.createProcessInstanceByKey(StoryProcess.KEY)
          .businessKey(story.storyId())
          .setVariables(variables)
          .startBeforeActivity(status.entryElementId())
          .execute();
      audit.append(new AuditEntry(0, story.storyId(), instance.getId(), Instant.now(), user, IMPORT_AT_STATUS,
          status.name(), null, null, "STARTED", null,
          "Imported from epic " + epicId + " at " + status.label() + ", the status its file gives",
          "started at " + status.label() + " with start instructions: the steps before it did not run", null));
    });
  }
}
