package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The idempotency fallback on a clock the test moves: expiry at its edge, release, and the size bound. */
class InMemoryIdempotencyTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L);

  private final InMemoryIdempotency store = new InMemoryIdempotency(3, clock::get);

  @Test
  void aClaimHoldsUntilJustBeforeItsTtlAndIsFreeAtIt() {
    assertThat(store.claim("k", TTL)).isEqualTo(new Claim.Acquired());

    clock.addAndGet(TTL.toNanos() - 1);
    Claim justBefore = store.claim("k", TTL);
    clock.addAndGet(1);
    Claim atTheEdge = store.claim("k", TTL);

    assertThat(justBefore).isEqualTo(new Claim.InFlight());
    assertThat(atTheEdge).isEqualTo(new Claim.Acquired());
  }

  @Test
  void aCompletedResponseIsReturnedUntilItsTtl() {
    store.claim("k", TTL);
    store.complete("k", "{\"output\":3}", Duration.ofSeconds(60));

    assertThat(store.claim("k", TTL)).isEqualTo(new Claim.Done("{\"output\":3}"));
    clock.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(store.peek("k")).isEmpty();
  }

  @Test
  void theFingerprintOfAClaimIsKeptInFlightAndAfterCompletion() {
    String fp = "0f".repeat(32);
    assertThat(store.claim("k", fp, TTL)).isEqualTo(new Claim.Acquired());
    assertThat(store.claim("k", "1e".repeat(32), TTL)).isEqualTo(new Claim.InFlight(fp));
    store.complete("k", "{\"output\":3}", TTL);
    assertThat(store.peek("k")).contains(new Claim.Done("{\"output\":3}", fp));
    store.claim("r", fp, TTL);
    store.release("r");
    assertThat(store.peek("r")).isEmpty();
    store.complete("late", "{}", TTL);
    assertThat(store.peek("late")).as("completed without a claim: no fingerprint").contains(new Claim.Done("{}"));
  }

  @Test
  void releaseDropsAnInFlightClaimButNotAResponse() {
    store.claim("a", TTL);
    store.release("a");
    store.claim("b", TTL);
    store.complete("b", "{}", TTL);
    store.release("b");

    assertThat(store.peek("a")).isEmpty();
    assertThat(store.peek("b")).isEqualTo(Optional.of(new Claim.Done("{}")));
  }

  @Test
  void atItsBoundTheStoreDropsExpiredKeysFirstThenTheOneClosestToExpiry() {
    store.claim("short", Duration.ofSeconds(1));
    store.claim("long", Duration.ofSeconds(60));
    store.claim("middle", Duration.ofSeconds(30));
    assertThat(store.size()).isEqualTo(3);

    store.claim("fourth", TTL);
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.peek("short")).isEmpty();

    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    store.claim("fifth", TTL);
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.peek("fourth")).isEmpty();
    assertThat(store.peek("long")).contains(new Claim.InFlight());
    assertThat(store.peek("middle")).contains(new Claim.InFlight());
  }
}
