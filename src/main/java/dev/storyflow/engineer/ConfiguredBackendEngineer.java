package dev.storyflow.engineer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@link BackendEngineer}: hands each step to the agent configured for it.
 *
 * <ul>
 *   <li>{@code builtin}: the step's deterministic work ({@link BuiltinAgent}).
 *   <li>an external agent: the agent does the work first; when the step has builtin work, that
 *       runs next as the gate and its report stands, with the agent's account added under
 *       {@code agentNotes}. The agent never changes what the checks found; when they fail, the
 *       agent gets the failure report and another go while it has attempts left, then the
 *       human fallback takes over. A step without
 *       builtin work reports the agent's summary, marked {@code checked: false}.
 *   <li>after a human did the step in the fallback task, only the builtin checks run.
 * </ul>
 */
@Component
class ConfiguredBackendEngineer implements BackendEngineer {

  private final BuiltinAgent builtin;
  private final AgentSelector agents;

  ConfiguredBackendEngineer(BuiltinAgent builtin, AgentSelector agents) {
    this.builtin = builtin;
    this.agents = agents;
  }

  @Override
  public StepResult perform(StepRequest request) {
    Optional<Agent> external = request.humanCompleted()
        ? Optional.empty() : agents.externalAgentFor(request.step());
    if (external.isEmpty()) {
      return builtin.perform(request);
    }
    Map<String, Object> agentResult = external.get().perform(request).report();
    if (builtin.handles(request.step())) {
      try {
        return builtin.perform(request.withAgentResult(agentResult)).withAgentNotes(agentResult);
      } catch (BackendEngineerNeededException failure) {
        throw external.get().checksFailed(request, failure);
      }
    }
    Map<String, Object> unchecked = new LinkedHashMap<>();
    unchecked.put("summary", agentResult.get("summary"));
    unchecked.put("checked", false);
    return new StepResult(unchecked).withAgentNotes(agentResult);
  }
}
