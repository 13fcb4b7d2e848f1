package dev.storyflow.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A story as Storyflow's API shows it: its data, where it is, how it got there and its reports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryView(
    String storyId,
    String title,
    String asA,
    String iWant,
    String soThat,
    List<String> acceptanceCriteria,
    List<String> components,
    String epic,
    String priority,
    Integer storyPoints,
    String sprint,
    List<String> dependsOn,
    String reference,
    String notes,
    String repository,
    String status,
    String statusLabel,
    String processInstanceId,
    String createdBy,
    Instant startedAt,
    Instant endedAt,
    List<OpenTask> openTasks,
    List<HistoryEntry> history,
    JsonNode feasibility,
    JsonNode implementationPlan,
    JsonNode implementation,
    JsonNode securityScan,
    JsonNode deployment,
    JsonNode agentRuns) {

  /** A user task waiting for someone. */
  /**
   * A task waiting for a role.
   *
   * @param due when its service level says it should be done ({@code processes/service-levels.dmn})
   * @param overdue whether that time has passed
   */
  public record OpenTask(String id, String taskDefinitionKey, String name, List<String> candidateGroups,
      Instant due, boolean overdue) {
  }

  /** One status entered, with who moved the story there and why. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record HistoryEntry(String status, Instant enteredAt, String by, String comment) {
  }
}
