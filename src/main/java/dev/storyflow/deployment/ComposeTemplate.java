package dev.storyflow.deployment;

import static dev.storyflow.deployment.YamlText.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compose file with the service, built from the bundle's Dockerfile, and its backing services.
 * The service's environment comes from {@code .env} beside the compose file (names in
 * {@code .env.example}); the backing services' passwords are interpolated from the same file.
 */
final class ComposeTemplate {

  private ComposeTemplate() {
  }

  static String render(ServiceFacts facts, BundleLayout layout, DeploymentProperties properties) {
    String name = facts.build().name();
    Map<String, Object> services = new LinkedHashMap<>();
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("build", map("context", layout.toRoot(BundleFile.COMPOSE), "dockerfile", layout.path(BundleFile.DOCKERFILE)));
    app.put("image", properties.imageRegistry() + name + ":" + facts.build().version());
    if (!facts.environment().isEmpty()) {
      app.put("env_file", ".env");
    }
    app.put("ports", List.of(facts.port() + ":" + facts.port()));
    Map<String, Object> dependsOn = new LinkedHashMap<>();
    facts.services().forEach(s -> dependsOn.put(s.host(),
        map("condition", s == BackingService.KAFKA ? "service_started" : "service_healthy")));
    if (!dependsOn.isEmpty()) {
      app.put("depends_on", dependsOn);
    }
    services.put(name, app);
    Map<String, Object> volumes = new LinkedHashMap<>();
    for (BackingService service : facts.services()) {
      services.put(service.host(), backingService(service, name));
      volume(service).ifPresent(v -> volumes.put(v, Map.of()));
    }
    Map<String, Object> compose = new LinkedHashMap<>();
    compose.put("services", services);
    if (!volumes.isEmpty()) {
      compose.put("volumes", volumes);
    }
    return YamlText.write(YamlText.HEADER
        + "# Run from this folder: cp .env.example .env, fill it in, then docker compose up --build\n", compose);
  }

  /** The variables the backing services take from {@code .env}: their passwords. */
  static List<String> secretsOf(BackingService service) {
    return switch (service) {
      case POSTGRES -> List.of("POSTGRES_PASSWORD");
      case MYSQL -> List.of("MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD");
      case MONGODB -> List.of("MONGO_PASSWORD");
      case RABBITMQ -> List.of("RABBITMQ_PASSWORD");
      case REDIS, KAFKA -> List.of();
    };
  }

  private static Map<String, Object> backingService(BackingService service, String app) {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (service) {
      case POSTGRES -> {
        s.put("image", "postgres:17");
        s.put("environment", map("POSTGRES_DB", app, "POSTGRES_USER", app, "POSTGRES_PASSWORD", fromEnv("POSTGRES_PASSWORD")));
        s.put("healthcheck", check(List.of("CMD-SHELL", "pg_isready -U " + app + " -d " + app)));
      }
      case MYSQL -> {
        s.put("image", "mysql:8.4");
        s.put("environment", map("MYSQL_DATABASE", app, "MYSQL_USER", app, "MYSQL_PASSWORD", fromEnv("MYSQL_PASSWORD"),
            "MYSQL_ROOT_PASSWORD", fromEnv("MYSQL_ROOT_PASSWORD")));
        s.put("healthcheck", check(List.of("CMD", "mysqladmin", "ping", "-h", "localhost")));
      }
      case REDIS -> {
        s.put("image", "redis:7-alpine");
        s.put("healthcheck", check(List.of("CMD", "redis-cli", "ping")));
      }
      case KAFKA -> {
        s.put("image", "apache/kafka:3.9.1");
        s.put("environment", kafka());
      }
      case MONGODB -> {
        s.put("image", "mongo:7");
        s.put("environment", map("MONGO_INITDB_ROOT_USERNAME", app, "MONGO_INITDB_ROOT_PASSWORD", fromEnv("MONGO_PASSWORD")));
        s.put("healthcheck", check(List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')")));
      }
      case RABBITMQ -> {
        s.put("image", "rabbitmq:3.13-alpine");
        s.put("environment", map("RABBITMQ_DEFAULT_USER", app, "RABBITMQ_DEFAULT_PASS", fromEnv("RABBITMQ_PASSWORD")));
        s.put("healthcheck", check(List.of("CMD", "rabbitmq-diagnostics", "-q", "ping")));
      }
    }
    volume(service).ifPresent(v -> s.put("volumes", List.of(v + ":" + dataDirectory(service))));
    return s;
  }

  private static Map<String, Object> kafka() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("KAFKA_NODE_ID", "1");
    env.put("KAFKA_PROCESS_ROLES", "broker,controller");
    env.put("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093");
    env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092");
    env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
    env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093");
    env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    return env;
  }

  private static Optional<String> volume(BackingService service) {
    return switch (service) {
      case POSTGRES, MYSQL, MONGODB -> Optional.of(service.host() + "-data");
      default -> Optional.empty();
    };
  }

  private static String dataDirectory(BackingService service) {
    return switch (service) {
      case POSTGRES -> "/var/lib/postgresql/data";
      case MYSQL -> "/var/lib/mysql";
      default -> "/data/db";
    };
  }

  private static String fromEnv(String name) {
    return "${" + name + ":?set " + name + " in .env}";
  }

  private static Map<String, Object> check(List<String> test) {
    return map("test", test, "interval", "5s", "timeout", "5s", "retries", 12);
  }
}
