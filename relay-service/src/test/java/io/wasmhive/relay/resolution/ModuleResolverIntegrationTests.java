package io.wasmhive.relay.resolution;

import static io.wasmhive.relay.testing.Relays.guest;
import static io.wasmhive.relay.testing.Relays.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.contract.ModuleIndexFailed;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.names.NameRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The resolver against the real module store, names registry and index streams (no indexer: the test is it). */
@ServiceIntegrationTest
class ModuleResolverIntegrationTests {

  @Autowired
  ApplicationContext app;

  @Autowired
  ModuleResolver resolver;

  @Autowired
  ModuleStore store;

  @Autowired
  NameRegistry names;

  @Autowired
  EventBus bus;

  @Test
  void storedModulesResolveByCidV0AndCidV1() {
    StoredModule add = store.put(guest("wat-add.wasm"), ModuleOrigin.of("test"));
    ResolvedModule byV1 = resolver.resolve(add.cidV1(), Duration.ZERO);
    assertThat(byV1).isEqualTo(new ResolvedModule(add.cidV1(), add.cidV1(), add.sha256()));
    assertThat(resolver.resolve(add.cidV0(), Duration.ZERO).sha256()).isEqualTo(add.sha256());
  }

  @Test
  void glyphNamesResolveThroughTheRegistryAndLatestIsTheNewest() {
    StoredModule first = store.put(guest("wat-add.wasm"), ModuleOrigin.of("test"));
    StoredModule second = store.put(guest("c-add.wasm"), ModuleOrigin.of("test"));
    String name = "calc-" + ThreadLocalRandom.current().nextInt(1_000_000);
    names.register(name, "quantum", first.cidV1(), first.sha256(), "u");
    names.register(name, "2.0.0", second.cidV0(), second.sha256(), "u");

    ResolvedModule quantum = resolver.resolve("glyph://" + name + "@quantum", Duration.ZERO);
    assertThat(quantum).isEqualTo(new ResolvedModule("glyph://" + name + "@quantum", first.cidV1(), first.sha256()));
    assertThat(resolver.resolve("glyph://" + name + "@latest", Duration.ZERO).sha256()).isEqualTo(second.sha256());
    assertThat(resolver.resolve("glyph://" + name, Duration.ZERO).sha256()).isEqualTo(second.sha256());
  }

  @Test
  void anUnknownGlyphSaysWhatWasTried() {
    assertThatThrownBy(() -> resolver.resolve("glyph://nobody-has@quantum", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(ModuleNotFoundException.class, e -> assertThat(e.tried())
            .containsExactly("name registry: no glyph nobody-has@quantum"));
    assertThatThrownBy(() -> resolver.resolve("glyph://Bad@1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> resolver.resolve("not-a-cid", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a CID");
  }

  @Test
  void aMissingCidIsRequestedFromTheIndexerAndResolvedWhenStored() throws Exception {
    byte[] wasm = uniqueModule();
    String cid = Cid.rawOf(wasm).toString();
    CompletableFuture<ResolvedModule> resolved = CompletableFuture.supplyAsync(
        () -> resolver.resolve(cid, Duration.ofSeconds(20)));

    await().atMost(Duration.ofSeconds(10)).until(() -> indexRequests(cid) == 1);
    store.put(wasm, ModuleOrigin.of("indexer"));

    assertThat(resolved.get().sha256()).isEqualTo(ModuleAddresses.sha256(wasm));
    assertThat(payloads(app, "module_index_requested").stream().filter(p -> p.get("cid").asString().equals(cid))
        .findFirst().orElseThrow().get("requested_by").asString()).isEqualTo("relay-service");
  }

  @Test
  void aMissingCidTimesOutWithWhatWasTried() {
    String cid = Cid.rawOf(uniqueModule()).toString();
    long started = System.nanoTime();
    assertThatThrownBy(() -> resolver.resolve(cid, Duration.ofSeconds(2)))
        .isInstanceOfSatisfying(ModuleNotFoundException.class, e -> assertThat(e.tried()).containsExactly(
            "module store by CID " + cid + ": not found", "index request to indexer: timed out after 2s"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(4));
    assertThat(indexRequests(cid)).isEqualTo(1);
  }

  @Test
  void theIndexersFailureEndsTheWaitEarly() throws Exception {
    String cid = Cid.rawOf(uniqueModule()).toString();
    CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
      try {
        resolver.resolve(cid, Duration.ofSeconds(20));
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> indexRequests(cid) == 1);
    bus.publish(new ModuleIndexFailed(cid, "no gateway has it", List.of("g1 NOT_FOUND 1: 404"), 1));

    Throwable thrown = failure.get();
    assertThat(thrown).isInstanceOf(ModuleNotFoundException.class);
    assertThat(((ModuleNotFoundException) thrown).tried())
        .endsWith("index request to indexer: failed: no gateway has it");
  }

  @Test
  void concurrentResolutionsOfOneCidPublishOneRequest() throws Exception {
    byte[] wasm = uniqueModule();
    String cid = Cid.rawOf(wasm).toString();
    List<CompletableFuture<ResolvedModule>> all = List.of(
        CompletableFuture.supplyAsync(() -> resolver.resolve(cid, Duration.ofSeconds(20))),
        CompletableFuture.supplyAsync(() -> resolver.resolve(Cid.parse(cid).toString(), Duration.ofSeconds(20))));
    await().atMost(Duration.ofSeconds(10)).until(() -> indexRequests(cid) >= 1);
    store.put(wasm, ModuleOrigin.of("indexer"));
    for (CompletableFuture<ResolvedModule> f : all) {
      assertThat(f.get().sha256()).isEqualTo(ModuleAddresses.sha256(wasm));
    }
    assertThat(indexRequests(cid)).isEqualTo(1);
  }

  private long indexRequests(String cid) {
    return payloads(app, "module_index_requested").stream().filter(p -> p.get("cid").asString().equals(cid)).count();
  }

  /** A valid module no other test stores: wat-add with a custom section of random bytes. */
  private static byte[] uniqueModule() {
    byte[] base = guest("wat-add.wasm");
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    byte[] out = new byte[base.length + 2 + 2 + random.length];
    System.arraycopy(base, 0, out, 0, base.length);
    int i = base.length;
    out[i++] = 0;                          // custom section
    out[i++] = (byte) (1 + 1 + random.length);
    out[i++] = 1;                          // name length
    out[i++] = 'x';
    System.arraycopy(random, 0, out, i, random.length);
    return out;
  }
}
