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

  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "package.json", "requirements.txt", "pyproject.toml");

  /** Connection URLs and Spring Boot keys, in configuration and code. */
  private static final Predicate<String> CONFIG_AND_CODE = f -> !BUILD_FILES.contains(f);
  /** Client libraries, in build files only (a library's name in code proves nothing). */
  private static final Predicate<String> BUILD = BUILD_FILES::contains;
  private static final Predicate<String> SPRING_YAML =
      f -> f.matches("(.*/)?(application|bootstrap)[^/]*\\.ya?ml");

  // The URL patterns are written so that this file does not match them itself.
  private static final List<Rule> RULES = List.of(
      new Rule(BackingService.POSTGRES, CONFIG_AND_CODE,
          Pattern.compile("(?:jdbc|r2dbc):(?:postgresql):|\\bpostgres(?:ql)?://")),
      new Rule(BackingService.POSTGRES, BUILD, Pattern.compile("<groupId>org\\.postgresql</groupId>"
          + "|org\\.postgresql:postgresql|\"(?:pg|pg-promise|postgres)\"\\s*:|(?im)^\\s*\"?(?:psycopg|asyncpg)")),
      new Rule(BackingService.MYSQL, CONFIG_AND_CODE, Pattern.compile("jdbc:(?:mysql|mariadb):|\\bmysql://")),
      new Rule(BackingService.MYSQL, BUILD, Pattern.compile("mysql-connector|mariadb-java-client"
          + "|\"(?:mysql|mysql2)\"\\s*:|(?im)^\\s*\"?(?:pymysql|mysqlclient)\\b")),
      new Rule(BackingService.REDIS, CONFIG_AND_CODE, Pattern.compile("\\brediss?://|spring\\.(?:data\\.)?redis\\.")),
      new Rule(BackingService.REDIS, SPRING_YAML, Pattern.compile("(?m)^\\s+redis:\\s*$")),
      new Rule(BackingService.REDIS, BUILD, Pattern.compile("spring-boot-starter-data-redis|<artifactId>jedis<"
          + "|lettuce-core|\"(?:redis|ioredis)\"\\s*:|(?im)^\\s*\"?redis\\b")),
      new Rule(BackingService.KAFKA, CONFIG_AND_CODE, Pattern.compile("spring\\.kafka\\.|bootstrap[.-]servers")),
      new Rule(BackingService.KAFKA, SPRING_YAML, Pattern.compile("(?m)^\\s+kafka:\\s*$")),
      new Rule(BackingService.KAFKA, BUILD, Pattern.compile("spring-kafka|kafka-clients|\"kafkajs\"\\s*:"
          + "|(?im)^\\s*\"?(?:kafka-python|confluent-kafka|aiokafka)\\b")),
      new Rule(BackingService.MONGODB, CONFIG_AND_CODE, Pattern.compile("\\bmongodb(?:\\+srv)?://")),
      new Rule(BackingService.MONGODB, BUILD, Pattern.compile("spring-boot-starter-data-mongodb"
          + "|\"(?:mongodb|mongoose)\"\\s*:|(?im)^\\s*\"?(?:pymongo|motor)\\b")),
      new Rule(BackingService.RABBITMQ, CONFIG_AND_CODE, Pattern.compile("\\bamqps?://|spring\\.rabbitmq\\.")),
      new Rule(BackingService.RABBITMQ, BUILD, Pattern.compile("spring-boot-starter-amqp|\"amqplib\"\\s*:"
          + "|(?im)^\\s*\"?pika\\b")));

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
