package dev.storyflow.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured agent command, turned into the arguments of one run. Placeholders stand for whole
 * arguments only and are replaced by values Storyflow controls (file paths, the validated story
 * id, the step code, limits, the shipped prompt and schema); story text never reaches the command
 * line, and no shell ever sees it.
 *
 * @param arguments the configured arguments
 * @param key the setting they come from, named in messages
 */
record CommandLine(List<String> arguments, String key) {

  /** The placeholders a command may use. */
  static final Set<String> PLACEHOLDERS = Set.of("workOrderFile", "systemPromptFile", "workspace",
      "storyId", "step", "maxTurns", "budgetUsd", "model", "systemPrompt", "resultSchema");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  /** What is wrong with the command; empty when it is usable. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (arguments.isEmpty() || arguments.get(0).isBlank()) {
      problems.add(key + " is not set: give the agent CLI as a list of arguments");
      return problems;
    }
    for (String argument : arguments) {
      Matcher m = PLACEHOLDER.matcher(argument);
      while (m.find()) {
        String name = m.group(1);
        boolean whole = m.group().equals(argument);
        if (PLACEHOLDERS.contains(name) && !whole) {
          problems.add(key + ": placeholder {" + name + "} must be a whole argument, not part of '"
              + argument + "'");
        } else if (!PLACEHOLDERS.contains(name) && whole) {
          problems.add(key + ": unknown placeholder " + argument + "; known are "
              + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        }
      }
    }
    return problems;
  }

  /**
   * @param values the placeholder values of this run
   * @throws AgentMisconfiguredException when the command is not usable or uses a placeholder
   *     that has no value in this run
   */
  List<String> expand(Map<String, String> values) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new AgentMisconfiguredException(String.join("; ", problems));
    }
    List<String> expanded = new ArrayList<>(arguments.size());
    for (String argument : arguments) {
      Matcher m = PLACEHOLDER.matcher(argument);
      if (m.matches() && PLACEHOLDERS.contains(m.group(1))) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new AgentMisconfiguredException(key + " uses " + argument
              + " but this run has no value for it (for {model}: the agent definition names no model)");
        }
        expanded.add(value);
      } else {
        expanded.add(argument);
      }
    }
    return expanded;
  }
}
