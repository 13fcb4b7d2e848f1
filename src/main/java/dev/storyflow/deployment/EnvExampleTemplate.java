package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;

/**
 * {@code .env.example}: the names of the variables the service reads, never their values, each
 * with the files that read it. Optional variables (the code has a default) are commented out.
 */
final class EnvExampleTemplate {

  private EnvExampleTemplate() {
  }

  static String render(ServiceFacts facts) {
    String name = facts.build().name();
    StringBuilder text = new StringBuilder()
        .append("# Environment of ").append(name).append(": names only, never values.\n")
        .append("# Copy it to .env (never commit .env) and fill it in for docker compose. In Kubernetes the values\n")
        .append("# come from the ConfigMap ").append(name).append("-config and, for secrets, the Secret ")
        .append(name).append("-secrets.\n");
    if (facts.environment().isEmpty()) {
      text.append("# The code reads no environment variables.\n");
    }
    for (EnvironmentVariable variable : facts.environment()) {
      text.append("\n# read by ").append(String.join(", ", variable.readBy()))
          .append(variable.secret() ? " (secret)" : "")
          .append(variable.required() ? "" : "; optional: the code has a default, uncomment to set it")
          .append('\n')
          .append(variable.required() ? "" : "# ").append(variable.name()).append("=\n");
    }
    for (BackingService service : facts.services()) {
      text.append("\n# compose: ").append(service.label()).append(" runs as ").append(service.host()).append(':')
          .append(service.port()).append(ComposeTemplate.secretsOf(service).isEmpty() ? "" : ", user " + name)
          .append('\n');
      ComposeTemplate.secretsOf(service).forEach(s -> text.append(s).append("=\n"));
    }
    return text.toString();
  }
}
