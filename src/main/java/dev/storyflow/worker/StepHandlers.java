package dev.storyflow.worker;

import dev.storyflow.engineer.BackendEngineerTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The backend engineer's step beans by their external task topic. */
@Component
class StepHandlers {

  private final Map<String, BackendEngineerTask> byTopic;

  StepHandlers(List<BackendEngineerTask> handlers) {
    this.byTopic = handlers.stream().collect(Collectors.toUnmodifiableMap(h -> h.step().topic(), Function.identity()));
  }

  List<String> topics() {
    return byTopic.keySet().stream().sorted().toList();
  }

  Optional<BackendEngineerTask> forTopic(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }
}
