package dev.storyflow.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Writes and reads the bundle's YAML with SnakeYAML: block style, safe types only. */
final class YamlText {

  static final String HEADER = "# Prepared by Storyflow's backend engineer (Configuring DevOps) from what the code needs.\n"
      + "# Edit it freely: Storyflow keeps a file it finds and never overwrites it.\n";

  private YamlText() {
  }

  /** The document as block-style YAML after a comment header. */
  static String write(String header, Object document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    options.setSplitLines(false);
    options.setDereferenceAliases(true);
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    return header + yaml.dump(document);
  }

  /** A map that keeps the order of its keys, for documents and reports. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A loader that builds only maps, lists and scalars and refuses duplicate keys. */
  static Yaml reader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    return new Yaml(new SafeConstructor(options));
  }
}
