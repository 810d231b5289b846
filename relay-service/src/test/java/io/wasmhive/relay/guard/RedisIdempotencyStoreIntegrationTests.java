package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.RedisTestServer;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared idempotency store on a real redis-server: atomic claims, completion, expiry, two instances. */
class RedisIdempotencyStoreIntegrationTests {

  private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  private static RedisTestServer redis;

  private static GuardRedis first;

  private static GuardRedis second;

  private static RedisIdempotencyStore store;

  private static RedisIdempotencyStore otherInstance;

  @BeforeAll
  static void startRedis() {
    redis = RedisTestServer.start();
    first = GuardTesting.connect(redis);
    second = GuardTesting.connect(redis);
    IdempotencyProperties properties = GuardTesting.idempotency(Duration.ofMinutes(5), Duration.ofSeconds(5));
    store = new RedisIdempotencyStore(first.template(), properties);
    otherInstance = new RedisIdempotencyStore(second.template(), properties);
  }

  @AfterAll
  static void stopRedis() {
    first.close();
    second.close();
    redis.close();
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  @Test
  void ofManyConcurrentClaimsExactlyOneAcquires() throws Exception {
    String key = newKey();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < threads * 4; i++) {
        RedisIdempotencyStore instance = i % 2 == 0 ? store : otherInstance;
        claims.add(() -> {
          start.await();
          return instance.claim(key, IN_FLIGHT);
        });
      }
      List<Future<Claim>> results = new ArrayList<>();
      claims.forEach(claim -> results.add(pool.submit(claim)));
      start.countDown();
      List<Claim> outcomes = new ArrayList<>();
      for (Future<Claim> result : results) {
        outcomes.add(result.get());
      }

      assertThat(outcomes).filteredOn(Claim.Acquired.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(Claim.InFlight.class::isInstance).hasSize(threads * 4 - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void afterCompletionEveryInstanceGetsTheStoredResponse() {
    String key = newKey();
    assertThat(store.claim(key, IN_FLIGHT)).isEqualTo(new Claim.Acquired());
    assertThat(otherInstance.claim(key, IN_FLIGHT)).isEqualTo(new Claim.InFlight());
    assertThat(otherInstance.peek(key)).contains(new Claim.InFlight());

    store.complete(key, "{\"success\":true,\"output\":3}", store.ttl());

    Claim done = new Claim.Done("{\"success\":true,\"output\":3}");
    assertThat(otherInstance.claim(key, IN_FLIGHT)).isEqualTo(done);
    assertThat(otherInstance.peek(key)).contains(done);
    Long ttl = first.template().getExpire(RedisIdempotencyStore.KEY_PREFIX + key);
    assertThat(ttl).isBetween(290L, 300L);
  }

  @Test
  void aCompletedResponseExpiresWithItsTtl() {
    String key = newKey();
    store.claim(key, IN_FLIGHT);
    store.complete(key, "{}", Duration.ofMillis(300));
    assertThat(store.peek(key)).contains(new Claim.Done("{}"));

    await().atMost(Duration.ofSeconds(5)).until(() -> store.peek(key).isEmpty());
    assertThat(otherInstance.claim(key, IN_FLIGHT)).isEqualTo(new Claim.Acquired());
  }

  @Test
  void anAbandonedClaimExpiresWithItsInFlightTtl() {
    String key = newKey();
    store.claim(key, Duration.ofMillis(300));

    await().atMost(Duration.ofSeconds(5)).until(() -> store.peek(key).isEmpty());
    assertThat(otherInstance.claim(key, IN_FLIGHT)).isEqualTo(new Claim.Acquired());
  }

  @Test
  void releaseFreesAnInFlightClaimButKeepsAStoredResponse() {
    String released = newKey();
    store.claim(released, IN_FLIGHT);
    otherInstance.release(released);
    String completed = newKey();
    store.claim(completed, IN_FLIGHT);
    store.complete(completed, "{\"kept\":true}", store.ttl());
    store.release(completed);

    assertThat(store.peek(released)).isEmpty();
    assertThat(otherInstance.claim(released, IN_FLIGHT)).isEqualTo(new Claim.Acquired());
    assertThat(store.peek(completed)).contains(new Claim.Done("{\"kept\":true}"));
    assertThat(store.state().healthy()).isTrue();
  }

  @Test
  void aFingerprintIsKeptInFlightThroughCompletionAndRelease() {
    String fp = "ab".repeat(32);
    String key = newKey();
    assertThat(store.claim(key, fp, IN_FLIGHT)).isEqualTo(new Claim.Acquired());
    assertThat(first.template().opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + key)).isEqualTo("I:" + fp);
    assertThat(otherInstance.claim(key, "cd".repeat(32), IN_FLIGHT)).isEqualTo(new Claim.InFlight(fp));
    store.complete(key, "{\"output\":3}", store.ttl());
    assertThat(otherInstance.claim(key, IN_FLIGHT)).isEqualTo(new Claim.Done("{\"output\":3}", fp));
    assertThat(first.template().opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + key))
        .isEqualTo("D:" + fp + ":{\"output\":3}");

    String released = newKey();
    store.claim(released, fp, IN_FLIGHT);
    otherInstance.release(released);
    assertThat(store.peek(released)).isEmpty();
    // A value written before fingerprints reads as having none.
    String legacy = newKey();
    first.template().opsForValue().set(RedisIdempotencyStore.KEY_PREFIX + legacy, "D:{\"old\":true}");
    assertThat(store.peek(legacy)).contains(new Claim.Done("{\"old\":true}", null));
  }

  @Test
  void theOwnerOfAClaimIsKeptInFlightAsATagOnlyItsUserMatches() {
    String fp = "ab".repeat(32);
    String tag = IdempotencyStore.ownerTag("alice");
    String keyed = newKey();
    assertThat(store.claim(keyed, fp, "alice", IN_FLIGHT)).isEqualTo(new Claim.Acquired());
    assertThat(first.template().opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + keyed))
        .isEqualTo("I:" + fp + ":" + tag);
    Claim running = otherInstance.peek(keyed).orElseThrow();
    assertThat(running).isEqualTo(new Claim.InFlight(fp, tag));
    assertThat(((Claim.InFlight) running).visibleTo("alice")).isTrue();
    assertThat(((Claim.InFlight) running).visibleTo("bob")).isFalse();
    // Completion keeps the fingerprint and drops the tag (the response names its user).
    store.complete(keyed, "{\"output\":3}", store.ttl());
    assertThat(otherInstance.peek(keyed)).contains(new Claim.Done("{\"output\":3}", fp));

    String unkeyed = newKey();
    store.claim(unkeyed, null, "alice", IN_FLIGHT);
    assertThat(otherInstance.peek(unkeyed)).contains(new Claim.InFlight(null, tag));
    store.complete(unkeyed, "{\"output\":4}", store.ttl());
    assertThat(first.template().opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + unkeyed))
        .isEqualTo("D:{\"output\":4}");

    String released = newKey();
    store.claim(released, fp, "alice", IN_FLIGHT);
    otherInstance.release(released);
    assertThat(store.peek(released)).isEmpty();
    // A claim that names no owner (or was made before owners) is visible to every user, as before.
    assertThat(new Claim.InFlight(fp).visibleTo("bob")).isTrue();
  }

  @Test
  void aResponseMayItselfLookLikeTheMarkers() {
    String key = newKey();
    store.claim(key, IN_FLIGHT);
    store.complete(key, "I", store.ttl());

    assertThat(otherInstance.peek(key)).contains(new Claim.Done("I"));
  }
}
