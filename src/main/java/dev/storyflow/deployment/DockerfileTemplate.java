package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.BuildInfo;
import java.util.stream.Collectors;

/**
 * A multi-stage Dockerfile per build tool: a build stage with the full toolchain, a runtime stage
 * with the runtime only, run by a numeric non-root user (so Kubernetes can verify
 * {@code runAsNonRoot}), a health check when the service has a health endpoint, and no secrets.
 */
final class DockerfileTemplate {

  static final String UID = "10001";

  private static final String HEADER = "# syntax=docker/dockerfile:1\n"
      + "# Prepared by Storyflow's backend engineer (Configuring DevOps) from what the code needs.\n"
      + "# Edit it freely: Storyflow keeps a file it finds and never overwrites it.\n"
      + "# Build from the repository root: docker build -f %s .\n\n";

  private DockerfileTemplate() {
  }

  static String render(ServiceFacts facts, String path) {
    BuildInfo build = facts.build();
    String body = switch (build.tool()) {
      case MAVEN -> maven(facts);
      case GRADLE -> gradle(facts);
      case NPM -> node(facts);
      case PIP -> python(facts);
      case UNKNOWN -> throw new IllegalArgumentException("No Dockerfile without a known build tool");
    };
    return String.format(HEADER, path) + body;
  }

  private static String maven(ServiceFacts facts) {
    String java = facts.build().runtimeVersion();
    return "# Build stage: Maven compiles and packages; the tests run in CI.\n"
        + "FROM maven:3.9-eclipse-temurin-" + java + " AS build\n"
        + "WORKDIR /workspace\n"
        + "COPY pom.xml ./\n"
        + "RUN mvn -B -ntp dependency:go-offline\n"
        + "COPY src ./src\n"
        + "RUN mvn -B -ntp -DskipTests package\n\n"
        + javaRuntime(facts, "/workspace/" + facts.build().artifact());
  }

  private static String gradle(ServiceFacts facts) {
    String java = facts.build().runtimeVersion();
    return "# Build stage: Gradle compiles and packages; the tests run in CI.\n"
        + "FROM gradle:8-jdk" + java + " AS build\n"
        + "WORKDIR /workspace\n"
        + "COPY . .\n"
        + "RUN gradle --no-daemon build -x test \\\n"
        + " && cp \"$(ls build/libs/*.jar | grep -v -- '-plain' | head -n 1)\" /workspace/app.jar\n\n"
        + javaRuntime(facts, "/workspace/app.jar");
  }

  private static String javaRuntime(ServiceFacts facts, String jar) {
    String health = facts.healthPath() == null ? ""
        : "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n";
    return "# Runtime stage: the JRE and the application, run by an unprivileged user.\n"
        + "FROM eclipse-temurin:" + facts.build().runtimeVersion() + "-jre\n"
        + health
        + "RUN groupadd --system --gid " + UID + " app && useradd --system --uid " + UID + " --gid app --no-create-home app\n"
        + "WORKDIR /app\n"
        + "COPY --from=build " + jar + " app.jar\n"
        + "USER " + UID + ":" + UID + "\n"
        + "EXPOSE " + facts.port() + "\n"
        + healthCheck(facts, "curl -fsS http://localhost:" + facts.port() + facts.healthPath() + " || exit 1")
        + "ENTRYPOINT " + exec(facts) + "\n";
  }

  private static String node(ServiceFacts facts) {
    BuildInfo build = facts.build();
    String node = build.runtimeVersion();
    String fetch = "node -e \"fetch('http://localhost:" + facts.port() + facts.healthPath()
        + "').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))\"";
    return "# Build stage: installs the dependencies and builds; the tests run in CI.\n"
        + "FROM node:" + node + "-slim AS build\n"
        + "WORKDIR /app\n"
        + "COPY package*.json ./\n"
        + (build.lockFile() ? "RUN npm ci\n" : "RUN npm install\n")
        + "COPY . .\n"
        + (build.buildScript() ? "RUN npm run build\n" : "")
        + "RUN npm prune --omit=dev\n\n"
        + "# Runtime stage: Node and the application, run by the image's unprivileged node user (1000).\n"
        + "FROM node:" + node + "-slim\n"
        + "ENV NODE_ENV=production\n"
        + "WORKDIR /app\n"
        + "COPY --from=build --chown=1000:1000 /app ./\n"
        + "USER 1000:1000\n"
        + "EXPOSE " + facts.port() + "\n"
        + healthCheck(facts, fetch)
        + "CMD " + exec(facts) + "\n";
  }

  private static String python(ServiceFacts facts) {
    BuildInfo build = facts.build();
    String image = "python:" + build.runtimeVersion() + "-slim";
    String urlopen = "python -c \"import urllib.request; urllib.request.urlopen('http://localhost:" + facts.port()
        + facts.healthPath() + "', timeout=3)\"";
    String install = build.lockFile()
        ? "COPY requirements.txt ./\nRUN pip install --no-cache-dir --prefix=/install -r requirements.txt\n"
        : "COPY . .\nRUN pip install --no-cache-dir --prefix=/install .\n";
    return "# Build stage: installs the dependencies; the tests run in CI.\n"
        + "FROM " + image + " AS build\n"
        + "WORKDIR /app\n"
        + install + "\n"
        + "# Runtime stage: Python, the dependencies and the application, run by an unprivileged user.\n"
        + "FROM " + image + "\n"
        + "RUN groupadd --system --gid " + UID + " app && useradd --system --uid " + UID + " --gid app --no-create-home app\n"
        + "WORKDIR /app\n"
        + "COPY --from=build /install /usr/local\n"
        + "COPY . .\n"
        + "USER " + UID + ":" + UID + "\n"
        + "EXPOSE " + facts.port() + "\n"
        + healthCheck(facts, urlopen)
        + "CMD " + exec(facts) + "\n";
  }

  private static String healthCheck(ServiceFacts facts, String command) {
    if (facts.healthPath() == null) {
      return "# No HEALTHCHECK: the code has no health endpoint yet; the Kubernetes probes check the port.\n";
    }
    return "HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \\\n  CMD " + command + "\n";
  }

  private static String exec(ServiceFacts facts) {
    return facts.build().start().stream().map(a -> "\"" + a.replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
