package dev.storyflow.deployment;

/** How a service is built, and the runtime it needs. */
public enum BuildTool {
  MAVEN("maven", "java", "17", 8080),
  GRADLE("gradle", "java", "17", 8080),
  NPM("npm", "node", "22", 3000),
  PIP("pip", "python", "3.12", 8000),
  UNKNOWN("unknown", "unknown", "", 8080);

  private final String code;
  private final String runtime;
  private final String defaultRuntimeVersion;
  private final int defaultPort;

  BuildTool(String code, String runtime, String defaultRuntimeVersion, int defaultPort) {
    this.code = code;
    this.runtime = runtime;
    this.defaultRuntimeVersion = defaultRuntimeVersion;
    this.defaultPort = defaultPort;
  }

  public String code() {
    return code;
  }

  /** {@code java}, {@code node} or {@code python}. */
  public String runtime() {
    return runtime;
  }

  String defaultRuntimeVersion() {
    return defaultRuntimeVersion;
  }

  /** The port the framework listens on when the code does not say. */
  int defaultPort() {
    return defaultPort;
  }
}
