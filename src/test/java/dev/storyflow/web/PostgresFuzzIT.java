package dev.storyflow.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link FuzzIT} on a real PostgreSQL (the {@code postgres} profile), which refuses some text H2
 * stores (a NUL, for one): the same requests get the same answers there.
 */
@ActiveProfiles("postgres")
class PostgresFuzzIT extends FuzzIT {

  static final EmbeddedPostgres POSTGRES = start();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    // the postgres profile is for production, where there are no demo users; the fuzz sends as them
    registry.add("storyflow.demo.enabled", () -> "true");
  }

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      // stopped with the JVM, after the Spring context that uses it
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
