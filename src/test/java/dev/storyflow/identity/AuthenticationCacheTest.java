package dev.storyflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AuthenticationCacheTest {

  final AtomicLong now = new AtomicLong(1_000);
  final AuthenticationCache cache = new AuthenticationCache(Duration.ofNanos(100), 2, now::get);

  @Test
  void knowsOnlyThePasswordThatWasVerified() {
    cache.rememberPassword(cache.generation(), "po", "right");

    assertThat(cache.knowsPassword("po", "right")).isTrue();
    assertThat(cache.knowsPassword("po", "wrong")).isFalse();
    assertThat(cache.knowsPassword("po", "")).isFalse();
    assertThat(cache.knowsPassword("qa", "right")).isFalse();
  }

  @Test
  void aUserIdAndPasswordThatConcatenateAlikeAreDifferentCredentials() {
    cache.rememberPassword(cache.generation(), "po", "xsecret");

    assertThat(cache.knowsPassword("pox", "secret")).isFalse();
  }

  @Test
  void forgetsAPasswordWhenItsLifetimeIsOver() {
    cache.rememberPassword(cache.generation(), "po", "right");

    now.addAndGet(99);
    assertThat(cache.knowsPassword("po", "right")).isTrue();
    now.addAndGet(1);
    assertThat(cache.knowsPassword("po", "right")).isFalse();
  }

  @Test
  void aClearForgetsEverything() {
    cache.rememberPassword(cache.generation(), "po", "right");
    cache.groupIds("po", () -> List.of("product-owner"));

    cache.clear();

    assertThat(cache.knowsPassword("po", "right")).isFalse();
    assertThat(cache.groupIds("po", () -> List.of())).isEmpty();
  }

  @Test
  void aCheckThatStartedBeforeAClearIsNotKeptAfterIt() {
    // given a password check under way when an identity change commits
    long generation = cache.generation();
    cache.clear();

    // when the check's answer arrives
    cache.rememberPassword(generation, "po", "old-password");

    // then it is used for that request only
    assertThat(cache.knowsPassword("po", "old-password")).isFalse();
  }

  @Test
  void aGroupLookupThatRacedWithAClearIsNotKept() {
    AtomicInteger engineLookups = new AtomicInteger();
    Supplier<List<String>> racingLookup = () -> {
      engineLookups.incrementAndGet();
      cache.clear(); // the membership is deleted while the engine answers
      return List.of("qa-engineer");
    };

    assertThat(cache.groupIds("qa", racingLookup)).containsExactly("qa-engineer");
    assertThat(cache.groupIds("qa", () -> List.of())).isEmpty();
    assertThat(engineLookups).hasValue(1);
  }

  @Test
  void groupsAndTenantsAreAskedOnceWithinTheLifetime() {
    AtomicInteger engineLookups = new AtomicInteger();
    Supplier<List<String>> engine = () -> {
      engineLookups.incrementAndGet();
      return List.of("qa-engineer");
    };

    cache.groupIds("qa", engine);
    List<String> second = cache.groupIds("qa", engine);
    cache.tenantIds("qa", List::of);

    assertThat(second).containsExactly("qa-engineer");
    assertThat(engineLookups).hasValue(1);
    now.addAndGet(100);
    cache.groupIds("qa", engine);
    assertThat(engineLookups).hasValue(2);
  }

  @Test
  void aCallerCannotChangeWhatTheCacheKeeps() {
    cache.groupIds("qa", () -> List.of("qa-engineer"));

    cache.groupIds("qa", List::of).add("camunda-admin");

    assertThat(cache.groupIds("qa", List::of)).containsExactly("qa-engineer");
  }

  @Test
  void keepsAtMostItsBoundOfUsersAndDropsTheLeastRecentlyUsed() {
    cache.rememberPassword(cache.generation(), "po", "a");
    cache.rememberPassword(cache.generation(), "qa", "b");
    assertThat(cache.knowsPassword("po", "a")).isTrue(); // po is now the most recently used

    cache.rememberPassword(cache.generation(), "devops", "c");

    assertThat(cache.knowsPassword("qa", "b")).isFalse();
    assertThat(cache.knowsPassword("po", "a")).isTrue();
    assertThat(cache.knowsPassword("devops", "c")).isTrue();
  }

  @Test
  void aLifetimeOfZeroAsksTheEngineEveryTime() {
    AuthenticationCache off = new AuthenticationCache(Duration.ZERO, 2, now::get);
    AtomicInteger engineLookups = new AtomicInteger();

    off.rememberPassword(off.generation(), "po", "right");
    off.groupIds("po", () -> List.of(String.valueOf(engineLookups.incrementAndGet())));
    List<String> second = off.groupIds("po", () -> List.of(String.valueOf(engineLookups.incrementAndGet())));

    assertThat(off.isOn()).isFalse();
    assertThat(off.knowsPassword("po", "right")).isFalse();
    assertThat(second).containsExactly("2");
  }

  @Test
  void aNegativeLifetimeIsRefused() {
    assertThatThrownBy(() -> new AuthenticationCache(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
