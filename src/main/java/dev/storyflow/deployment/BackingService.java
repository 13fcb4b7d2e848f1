package dev.storyflow.deployment;

import java.util.List;

/** A service the code talks to that runs beside it: a database, a cache, a broker. */
public enum BackingService {
  POSTGRES("PostgreSQL", "postgres", 5432, List.of("postgres")),
  MYSQL("MySQL", "mysql", 3306, List.of("mysql", "mariadb")),
  REDIS("Redis", "redis", 6379, List.of("redis", "valkey")),
  KAFKA("Kafka", "kafka", 9092, List.of("kafka", "redpanda")),
  MONGODB("MongoDB", "mongodb", 27017, List.of("mongo")),
  RABBITMQ("RabbitMQ", "rabbitmq", 5672, List.of("rabbitmq"));

  private final String label;
  private final String host;
  private final int port;
  private final List<String> imageNames;

  BackingService(String label, String host, int port, List<String> imageNames) {
    this.label = label;
    this.host = host;
    this.port = port;
    this.imageNames = imageNames;
  }

  public String label() {
    return label;
  }

  /** The service's name in compose, which is also its host name there. */
  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** Whether a container image provides this service. */
  boolean isProvidedBy(String image) {
    String name = image.toLowerCase(java.util.Locale.ROOT);
    return imageNames.stream().anyMatch(name::contains);
  }
}
