package dev.storyflow.agent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an agent printed, read: its usage (known from an envelope such as Claude Code's) and either
 * a result that matched the schema or the problem that made it unusable.
 *
 * @param costUsd what the run cost, or {@code null} when the agent did not say
 * @param turns how many turns it took, or {@code null}
 * @param sessionId the agent's session id, or {@code null}
 * @param result the result, or {@code null} when {@code problem} is set
 * @param problem why the output cannot be used, or {@code null}
 */
record AgentReply(BigDecimal costUsd, Integer turns, String sessionId, Result result, String problem) {

  /**
   * A result that matched the schema.
   *
   * @param status {@code done}, {@code needs_human} or {@code failed}
   * @param summary what was done, or why not
   * @param changedFiles the files changed, relative to the workspace
   * @param notes anything else for the team, or {@code null}
   * @param findings the feasibility step's findings as the schema shapes them ({@code criterion},
   *     {@code severity}, {@code message}, optional {@code evidence}); empty for other steps
   */
  record Result(String status, String summary, List<String> changedFiles, String notes,
      List<Map<String, Object>> findings) {

    Result {
      changedFiles = changedFiles == null ? List.of() : changedFiles;
      findings = findings == null ? List.of() : findings;
    }
  }

  AgentReply withProblem(String newProblem) {
    return new AgentReply(costUsd, turns, sessionId, null, newProblem);
  }
}
