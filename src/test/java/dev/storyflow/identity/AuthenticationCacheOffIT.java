package dev.storyflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** With {@code storyflow.security.authentication-cache=0}, every request asks the engine, as before the cache. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-auth-cache-off;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.security.authentication-cache=0",
    "storyflow.benchmark.count-sql=true",
    "management.endpoints.web.exposure.include=health,sqlcount",
    // the wrong password below must not delay the right ones after it
    "camunda.bpm.generic-properties.properties.login-delay-base=0"})
@ActiveProfiles("test")
@DirtiesContext
class AuthenticationCacheOffIT {

  @LocalServerPort
  int port;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void everyRequestChecksThePasswordAndReadsTheGroupsAndTenants() {
    SqlCounts sql = new SqlCounts(http);
    sql.reset();

    for (int i = 0; i < 3; i++) {
      assertThat(http.get("qa", "/engine-rest/task").status()).isEqualTo(200);
      assertThat(http.get("qa", "/api/sprints").status()).isEqualTo(200);
    }

    for (String kind : new String[] {"request:poll", "request:other"}) {
      assertThat(sql.requests(kind)).isEqualTo(3);
      assertThat(sql.identityStatements(kind)).as(kind)
          .hasEntrySatisfying("SELECT ACT_ID_USER", count -> assertThat(count).isGreaterThanOrEqualTo(3))
          .hasEntrySatisfying("SELECT ACT_ID_GROUP", count -> assertThat(count).isGreaterThanOrEqualTo(3))
          .hasEntrySatisfying("SELECT ACT_ID_TENANT", count -> assertThat(count).isGreaterThanOrEqualTo(3));
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndARightOneAccepted() {
    assertThat(http.get("devops:wrong", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get("devops", "/engine-rest/task").status()).isEqualTo(200);
    assertThat(http.get("devops:wrong", "/api/sprints").status()).isEqualTo(401);
    assertThat(http.get("devops", "/api/sprints").status()).isEqualTo(200);
  }
}
