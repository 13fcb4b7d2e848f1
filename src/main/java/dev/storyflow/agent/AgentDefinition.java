package dev.storyflow.agent;

import java.util.List;

/**
 * An agent definition as teams keep them under {@code .claude/agents/}: YAML front matter and a
 * Markdown body.
 *
 * @param name the agent's name
 * @param description when to use the agent
 * @param model the model to run it on, or {@code null}
 * @param tools the tools it may use; empty when the definition leaves them open
 * @param systemPrompt the body: the role's system prompt
 */
record AgentDefinition(String name, String description, String model, List<String> tools,
    String systemPrompt) {
}
