package dev.storyflow.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of parsed YAML that can be walked without casts; a missing node answers empty. */
record YamlNode(Object value) {

  static final YamlNode MISSING = new YamlNode(null);

  YamlNode get(String key) {
    if (value instanceof Map<?, ?> map) {
      Object child = map.get(key);
      if (child == null && "on".equals(key)) {
        child = map.get(Boolean.TRUE); // YAML 1.1 reads a bare `on:` key as true
      }
      return new YamlNode(child);
    }
    return MISSING;
  }

  /** {@code get("spec").get("template")...} in one call. */
  YamlNode at(String... keys) {
    YamlNode node = this;
    for (String key : keys) {
      node = node.get(key);
    }
    return node;
  }

  boolean isMissing() {
    return value == null;
  }

  boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  boolean isList() {
    return value instanceof List<?>;
  }

  /** A non-empty map or list, or a non-blank scalar. */
  boolean isPresent() {
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty();
    }
    return value != null && !String.valueOf(value).isBlank();
  }

  List<YamlNode> items() {
    return value instanceof List<?> list ? list.stream().map(YamlNode::new).toList() : List.of();
  }

  Map<String, YamlNode> entries() {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> entries.put(String.valueOf(k), new YamlNode(v)));
    }
    return entries;
  }

  /** A scalar as text; {@code null} for maps, lists and missing nodes. */
  String text() {
    return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
  }
}
