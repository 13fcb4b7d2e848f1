package dev.storyflow.agent;

/** Who does a backend-engineer step: {@code builtin} (no AI) or an external {@code command}. */
enum AgentKind {
  BUILTIN,
  COMMAND
}
