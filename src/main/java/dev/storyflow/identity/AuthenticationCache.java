package dev.storyflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine answered for a REST request's user, kept for a short while so that the same
 * user's next requests do not ask the database again: that its password was verified, its group
 * ids and its tenant ids.
 *
 * <p>A password is kept only as an HMAC-SHA256 of user id and password, with a random key made
 * when this process starts, and compared in constant time. Only successful checks are kept. Each
 * entry lives for the configured lifetime; each kind holds at most {@link #MAX_USERS} users, the
 * least recently used leaving first. {@link #clear()} forgets everything at once
 * ({@link IdentityChanges} calls it after each identity change); a lookup that started before a
 * clear is not stored after it, so a request that raced with a change cannot bring its old answer
 * back. A lifetime of zero turns the cache off: every call asks the engine.
 */
final class AuthenticationCache {

  /** Users kept per kind of entry. */
  static final int MAX_USERS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(AuthenticationCache.class);
  private static final String HMAC = "HmacSHA256";

  private final long lifetimeNanos;
  private final LongSupplier nanoClock;
  private final SecretKeySpec key;
  private final Entries<byte[]> passwords;
  private final Entries<List<String>> groupIds;
  private final Entries<List<String>> tenantIds;
  /** How many times the cache was cleared; guarded by {@code this}. */
  private long generation;

  AuthenticationCache(Duration lifetime) {
    this(lifetime, MAX_USERS, System::nanoTime);
  }

  AuthenticationCache(Duration lifetime, int maxUsers, LongSupplier nanoClock) {
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException("The authentication cache's lifetime must not be negative: " + lifetime);
    }
    this.lifetimeNanos = lifetime.toNanos();
    this.nanoClock = nanoClock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
    this.passwords = new Entries<>(maxUsers);
    this.groupIds = new Entries<>(maxUsers);
    this.tenantIds = new Entries<>(maxUsers);
  }

  boolean isOn() {
    return lifetimeNanos > 0;
  }

  /** Read before asking the engine, and pass to {@link #rememberPassword} with its answer. */
  synchronized long generation() {
    return generation;
  }

  /** Whether the engine accepted this password of this user within the lifetime, with no identity change since. */
  boolean knowsPassword(String userId, String password) {
    if (!isOn()) {
      return false;
    }
    // the digest first, whether or not the user has an entry: a miss takes as long as a wrong password
    byte[] digest = digest(userId, password);
    byte[] known;
    synchronized (this) {
      known = passwords.get(userId, nanoClock.getAsLong());
    }
    return digest != null && known != null && MessageDigest.isEqual(digest, known);
  }

  /** Keeps a password that the engine accepted, unless the cache was cleared since {@code seenGeneration}. */
  void rememberPassword(long seenGeneration, String userId, String password) {
    if (!isOn()) {
      return;
    }
    byte[] digest = digest(userId, password);
    if (digest == null) {
      return;
    }
    synchronized (this) {
      if (generation == seenGeneration) {
        passwords.put(userId, digest, nanoClock.getAsLong() + lifetimeNanos);
      }
    }
  }

  /** The user's group ids, from the cache or else from {@code engine} (then kept). */
  List<String> groupIds(String userId, Supplier<List<String>> engine) {
    return lookUp(groupIds, userId, engine);
  }

  /** The user's tenant ids, from the cache or else from {@code engine} (then kept). */
  List<String> tenantIds(String userId, Supplier<List<String>> engine) {
    return lookUp(tenantIds, userId, engine);
  }

  /** Forgets every entry, and every lookup still under way. */
  synchronized void clear() {
    generation++;
    passwords.clear();
    groupIds.clear();
    tenantIds.clear();
  }

  private List<String> lookUp(Entries<List<String>> entries, String userId, Supplier<List<String>> engine) {
    if (!isOn()) {
      return engine.get();
    }
    long seenGeneration;
    synchronized (this) {
      List<String> known = entries.get(userId, nanoClock.getAsLong());
      if (known != null) {
        return new ArrayList<>(known);
      }
      seenGeneration = generation;
    }
    List<String> ids = engine.get();
    synchronized (this) {
      if (generation == seenGeneration) {
        entries.put(userId, List.copyOf(ids), nanoClock.getAsLong() + lifetimeNanos);
      }
    }
    return ids;
  }

  /** HMAC-SHA256 of the user id's length, the user id and the password; {@code null} if it cannot be made. */
  private byte[] digest(String userId, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] user = userId.getBytes(StandardCharsets.UTF_8);
      mac.update(new byte[] {(byte) (user.length >>> 24), (byte) (user.length >>> 16), (byte) (user.length >>> 8),
          (byte) user.length});
      mac.update(user);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      // fails closed: nothing is known, so the engine checks the password
      LOG.warn("Authentication cache bypassed: {}", e.toString());
      return null;
    }
  }

  /** Entries by user id with their expiry, least recently used first; not thread-safe. */
  private static final class Entries<V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final Map<String, Entry<V>> byUser;

    Entries(int maxUsers) {
      this.byUser = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
          return size() > maxUsers;
        }
      };
    }

    V get(String userId, long nowNanos) {
      Entry<V> entry = byUser.get(userId);
      if (entry == null) {
        return null;
      }
      if (nowNanos - entry.expiresAtNanos() >= 0) {
        byUser.remove(userId);
        return null;
      }
      return entry.value();
    }

    void put(String userId, V value, long expiresAtNanos) {
      byUser.put(userId, new Entry<>(value, expiresAtNanos));
    }

    void clear() {
      byUser.clear();
    }
  }
}
