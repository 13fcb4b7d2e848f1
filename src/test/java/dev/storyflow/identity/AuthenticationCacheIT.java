package dev.storyflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The REST doors' authentication cache over real HTTP: what it keeps is never used to step around
 * the engine. Entries live far longer than a test here, so every refusal below comes from the
 * identity change clearing the cache, not from an entry running out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-auth-cache;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.security.authentication-cache=1h",
    "storyflow.benchmark.count-sql=true",
    "management.endpoints.web.exposure.include=health,sqlcount"})
@ActiveProfiles("test")
@DirtiesContext
class AuthenticationCacheIT {

  static final String ENGINE_REST = "/engine-rest/task";
  static final String API = "/api/sprints";
  static final String GROUP = Role.QA_ENGINEER.groupId();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWrongPasswordIsRefusedEveryTimeAndCountsTowardsTheLoginDelay() {
    // given a user whose password the cache knows, and the engine's clock standing still
    ClockUtil.setCurrentTime(new Date());
    String user = newUser("right", null);
    assertThat(status(user, "right", ENGINE_REST)).isEqualTo(200);
    assertThat(status(user, "right", ENGINE_REST)).isEqualTo(200);

    for (int attempt = 1; attempt <= 3; attempt++) {
      // when a wrong password comes
      assertThat(status(user, "wrong", ENGINE_REST)).as("attempt %d", attempt).isEqualTo(401);
      // then the engine counts it and delays the next login, for the known password too
      assertThat(attempts(user)).isEqualTo(attempt);
      assertThat(status(user, "right", ENGINE_REST)).as("during the delay").isEqualTo(401);
      assertThat(status(user, "right", API)).as("during the delay").isEqualTo(401);
      waitOutTheLoginDelay();
    }

    // and once the delay is over, the right password is accepted and the count starts afresh
    assertThat(status(user, "right", ENGINE_REST)).isEqualTo(200);
    assertThat(attempts(user)).isZero();
  }

  @Test
  void aPasswordChangedThroughTheEngineTakesEffectAtOnce() {
    // given a user whose password the cache knows, and the engine's clock standing still
    ClockUtil.setCurrentTime(new Date());
    String user = newUser("old-password", GROUP);
    assertThat(status(user, "old-password", ENGINE_REST)).isEqualTo(200);
    assertThat(status(user, "old-password", API)).isEqualTo(200);

    // when an admin gives it a new password through /engine-rest
    HttpTestClient.Reply changed = http.put("admin", "/engine-rest/user/" + user + "/credentials",
        Map.of("password", "new-password", "authenticatedUserPassword", "demo"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);

    // then the old password is refused at once (asked first: the new one would replace it in the cache)
    assertThat(status(user, "old-password", ENGINE_REST)).isEqualTo(401);
    // and, after the login delay that this failure started, the new one is accepted at both doors
    waitOutTheLoginDelay();
    assertThat(status(user, "new-password", API)).isEqualTo(200);
    assertThat(status(user, "new-password", ENGINE_REST)).isEqualTo(200);
  }

  @Test
  void aMembershipGivesAndTakesRightsAtOnce() {
    // given a user in no team group, whose (lack of) groups the cache knows
    String user = newUser("secret", null);
    assertThat(status(user, "secret", API)).isEqualTo(403);
    assertThat(status(user, "secret", API)).isEqualTo(403);

    // when an admin adds it to a team group, it may read the team's sprints at once
    assertThat(http.put("admin", "/engine-rest/group/" + GROUP + "/members/" + user, "").status()).isEqualTo(204);
    assertThat(status(user, "secret", API)).isEqualTo(200);
    assertThat(status(user, "secret", API)).isEqualTo(200);

    // and when the admin removes it again, it may not, though it still logs in
    assertThat(http.delete("admin", "/engine-rest/group/" + GROUP + "/members/" + user).status()).isEqualTo(204);
    assertThat(status(user, "secret", API)).isEqualTo(403);
    assertThat(status(user, "secret", ENGINE_REST)).isEqualTo(200);
  }

  @Test
  void aDeletedUserIsRefusedAtOnce() {
    // given a team member whose password and groups the cache knows
    String user = newUser("secret", GROUP);
    assertThat(status(user, "secret", API)).isEqualTo(200);
    assertThat(status(user, "secret", ENGINE_REST)).isEqualTo(200);

    // when an admin deletes it
    assertThat(http.delete("admin", "/engine-rest/user/" + user).status()).isEqualTo(204);

    // then neither door lets it in
    assertThat(status(user, "secret", API)).isEqualTo(401);
    assertThat(status(user, "secret", ENGINE_REST)).isEqualTo(401);
  }

  @Test
  void aKnownUserIsAuthenticatedWithoutQueryingTheIdentityTables() {
    SqlCounts sql = new SqlCounts(http);
    String user = newUser("secret", GROUP);

    // the first request asks the engine: password, groups and tenants
    sql.reset();
    assertThat(status(user, "secret", ENGINE_REST)).isEqualTo(200);
    assertThat(sql.identityStatements("request:poll"))
        .containsKeys("SELECT ACT_ID_USER", "SELECT ACT_ID_GROUP", "SELECT ACT_ID_TENANT");

    // the next ones, at either door, do not
    sql.reset();
    for (int i = 0; i < 3; i++) {
      assertThat(status(user, "secret", ENGINE_REST)).isEqualTo(200);
      assertThat(status(user, "secret", API)).isEqualTo(200);
    }
    assertThat(sql.requests("request:poll")).isEqualTo(3);
    assertThat(sql.requests("request:other")).isEqualTo(3);
    assertThat(sql.identityStatements("request:poll")).isEmpty();
    assertThat(sql.identityStatements("request:other")).isEmpty();
  }

  /** A new user with a password, in {@code group} unless it is {@code null}. */
  String newUser(String password, String group) {
    String id = "user" + UUID.randomUUID().toString().substring(0, 8); // letters and digits only, as Camunda wants
    User user = identityService.newUser(id);
    user.setPassword(password);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  int status(String user, String password, String path) {
    return http.get(user + ":" + password, path).status();
  }

  int attempts(String user) {
    return ((UserEntity) identityService.createUserQuery().userId(user).singleResult()).getAttempts();
  }

  /** Moves the engine's clock past the longest login delay (60 s). */
  static void waitOutTheLoginDelay() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
  }
}
