package dev.storyflow.epic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency cycles among stories: the strongly connected components of the "depends on" graph
 * that hold more than one story, or one story that depends on itself (Tarjan's algorithm).
 */
final class DependencyCycles {

  private final Map<String, List<String>> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> lowLink = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private final List<List<String>> cycles = new ArrayList<>();

  private DependencyCycles(Map<String, List<String>> edges) {
    this.edges = edges;
  }

  /**
   * @param edges each story's dependencies, in file order (iteration order is kept)
   * @return each cycle's stories, in the order of the dependencies from its first story in the file
   *     when they form one ring, else in file order
   */
  static List<List<String>> of(Map<String, List<String>> edges) {
    DependencyCycles search = new DependencyCycles(edges);
    edges.keySet().stream().filter(id -> !search.index.containsKey(id)).forEach(search::visit);
    return search.cycles;
  }

  private void visit(String id) {
    index.put(id, index.size());
    lowLink.put(id, index.get(id));
    stack.push(id);
    onStack.add(id);
    for (String next : edges.getOrDefault(id, List.of())) {
      if (!index.containsKey(next)) {
        visit(next);
        lowLink.put(id, Math.min(lowLink.get(id), lowLink.get(next)));
      } else if (onStack.contains(next)) {
        lowLink.put(id, Math.min(lowLink.get(id), index.get(next)));
      }
    }
    if (lowLink.get(id).equals(index.get(id))) {
      Set<String> component = new HashSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(id));
      if (component.size() > 1 || edges.getOrDefault(id, List.of()).contains(id)) {
        cycles.add(ordered(component));
      }
    }
  }

  /** The component as a ring when following first dependencies walks all of it, else in file order. */
  private List<String> ordered(Set<String> component) {
    List<String> fileOrder = edges.keySet().stream().filter(component::contains).toList();
    List<String> ring = new ArrayList<>();
    String at = fileOrder.get(0);
    while (at != null && !ring.contains(at)) {
      ring.add(at);
      at = edges.get(at).stream().filter(component::contains).findFirst().orElse(null);
    }
    return ring.size() == component.size() && fileOrder.get(0).equals(at) ? ring : fileOrder;
  }
}
