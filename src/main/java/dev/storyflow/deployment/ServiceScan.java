package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.ServiceUse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the backing services the code uses: connection URLs in configuration and code, client
 * libraries in the build files, Spring Boot's configuration keys.
 */
final class ServiceScan {

  private record Rule(BackingService service, Predicate<String> files, Pattern pattern) {
  }

  private static final Predicate<String> ANY = f -> true;
  private static final Predicate<String> PYTHON_REQUIREMENTS =
      f -> f.equals("requirements.txt") || f.equals("pyproject.toml");
  private static final Predicate<String> SPRING_YAML =
      f -> f.matches("(.*/)?(application|bootstrap)[^/]*\\.ya?ml");

  private static final List<Rule> RULES = List.of(
      new Rule(BackingService.POSTGRES, ANY, Pattern.compile("jdbc:postgresql:|r2dbc:postgresql:|\\bpostgres(?:ql)?://"
          + "|<groupId>org\\.postgresql</groupId>|org\\.postgresql:postgresql|\"(?:pg|pg-promise|postgres)\"\\s*:")),
      new Rule(BackingService.POSTGRES, PYTHON_REQUIREMENTS, Pattern.compile("(?im)^\\s*\"?(?:psycopg|asyncpg)")),
      new Rule(BackingService.MYSQL, ANY, Pattern.compile("jdbc:(?:mysql|mariadb):|\\bmysql://|mysql-connector"
          + "|mariadb-java-client|\"(?:mysql|mysql2)\"\\s*:")),
      new Rule(BackingService.MYSQL, PYTHON_REQUIREMENTS, Pattern.compile("(?im)^\\s*\"?(?:pymysql|mysqlclient)\\b")),
      new Rule(BackingService.REDIS, ANY, Pattern.compile("\\brediss?://|spring-boot-starter-data-redis"
          + "|spring\\.(?:data\\.)?redis\\.|<artifactId>jedis</artifactId>|lettuce-core|\"(?:redis|ioredis)\"\\s*:")),
      new Rule(BackingService.REDIS, SPRING_YAML, Pattern.compile("(?m)^\\s+redis:\\s*$")),
      new Rule(BackingService.REDIS, PYTHON_REQUIREMENTS, Pattern.compile("(?im)^\\s*\"?redis\\b")),
      new Rule(BackingService.KAFKA, ANY, Pattern.compile("spring-kafka|kafka-clients|spring\\.kafka\\."
          + "|bootstrap[.-]servers|\"kafkajs\"\\s*:")),
      new Rule(BackingService.KAFKA, SPRING_YAML, Pattern.compile("(?m)^\\s+kafka:\\s*$")),
      new Rule(BackingService.KAFKA, PYTHON_REQUIREMENTS,
          Pattern.compile("(?im)^\\s*\"?(?:kafka-python|confluent-kafka|aiokafka)\\b")),
      new Rule(BackingService.MONGODB, ANY, Pattern.compile("\\bmongodb(?:\\+srv)?://|spring-boot-starter-data-mongodb"
          + "|\"(?:mongodb|mongoose)\"\\s*:")),
      new Rule(BackingService.MONGODB, PYTHON_REQUIREMENTS, Pattern.compile("(?im)^\\s*\"?(?:pymongo|motor)\\b")),
      new Rule(BackingService.RABBITMQ, ANY, Pattern.compile("\\bamqps?://|spring-boot-starter-amqp"
          + "|spring\\.rabbitmq\\.|\"amqplib\"\\s*:")),
      new Rule(BackingService.RABBITMQ, PYTHON_REQUIREMENTS, Pattern.compile("(?im)^\\s*\"?pika\\b")));

  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "package.json", "requirements.txt", "pyproject.toml", "go.mod");

  List<ServiceUse> scan(SourceTree tree) {
    List<String> files = new ArrayList<>(BUILD_FILES.stream().filter(tree::exists).toList());
    files.addAll(tree.springConfiguration());
    files.addAll(tree.withExtension(".java", ".kt", ".js", ".mjs", ".cjs", ".ts", ".py", ".go"));
    Map<BackingService, String> found = new EnumMap<>(BackingService.class);
    for (String file : files) {
      String text = tree.read(file).orElse("");
      for (Rule rule : RULES) {
        if (!found.containsKey(rule.service()) && rule.files().test(file) && rule.pattern().matcher(text).find()) {
          found.put(rule.service(), file);
        }
      }
    }
    return found.entrySet().stream().map(e -> new ServiceUse(e.getKey(), e.getValue())).toList();
  }
}
