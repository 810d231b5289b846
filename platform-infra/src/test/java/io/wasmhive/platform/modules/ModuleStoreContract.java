package io.wasmhive.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.ipfs.Cid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ModuleStore} does; extended once per implementation. */
abstract class ModuleStoreContract {

  abstract ModuleStore store();

  @Test
  void storesOncePerHashAndComputesTheCidsIpfsAddPrints() throws Exception {
    byte[] wasm = module(100);
    StoredModule first = store().put(wasm, ModuleOrigin.of("upload"));
    StoredModule again = store().put(wasm, ModuleOrigin.of("upload"));
    ModuleAddresses addresses = ModuleAddresses.of(wasm);
    assertThat(first.sha256()).isEqualTo(addresses.sha256()).hasSize(64);
    assertThat(first.cidV0()).startsWith("Qm").isEqualTo(addresses.cidV0().toString());
    assertThat(first.cidV1()).startsWith("bafkrei").isEqualTo(Cid.rawOf(wasm).toString());
    assertThat(first.size()).isEqualTo(wasm.length);
    assertThat(again.storedAt()).isEqualTo(first.storedAt());
    assertThat(again.sources()).containsExactly("upload");
    assertThat(store().bytes(first.sha256())).hasValueSatisfying(b -> assertThat(b).isEqualTo(wasm));
  }

  @Test
  void findsByShaInEitherCaseByEveryCidFormAndByAlias() throws Exception {
    byte[] wasm = module(200);
    String alias = "0x" + UUID.randomUUID().toString().replace("-", "");
    StoredModule stored = store().put(wasm, ModuleOrigin.of("gateway").withAlias(alias));
    Cid v0 = Cid.parse(stored.cidV0());
    for (String reference : List.of(stored.sha256(), stored.sha256().toUpperCase(), stored.cidV0(),
        v0.toV1().toString(), stored.cidV1(), alias)) {
      assertThat(store().find(reference)).as(reference).map(StoredModule::sha256).contains(stored.sha256());
    }
    assertThat(store().resolve(stored.cidV0())).contains(stored.sha256());
    assertThat(store().resolve(alias)).contains(stored.sha256());
    assertThat(store().resolve(stored.sha256().toUpperCase())).contains(stored.sha256());
    assertThat(store().resolve(Cid.rawOf(new byte[] {1}).toString())).isEmpty();
    assertThat(store().find(ModuleAddresses.sha256(new byte[] {1}))).isEmpty();
    assertThat(store().find(Cid.rawOf(new byte[] {1}).toString())).isEmpty();
    assertThat(store().find("no-such-alias-" + UUID.randomUUID())).isEmpty();
    assertThat(store().find("")).isEmpty();
  }

  @Test
  void aliasesSourcesAndVerifiedCidsAccumulate() throws Exception {
    byte[] wasm = module(300);
    Cid other = Cid.rawOf(("other layout " + UUID.randomUUID()).getBytes());
    StoredModule stored = store().put(wasm, ModuleOrigin.of("upload").withAlias("a1"));
    store().put(wasm, ModuleOrigin.of("chain").withAlias("a2").withCid(other.toString()));
    assertThat(store().addAlias(stored.sha256(), "a3")).isTrue();
    assertThat(store().addAlias(ModuleAddresses.sha256(new byte[] {9}), "a4")).isFalse();
    StoredModule now = store().find(stored.sha256()).orElseThrow();
    assertThat(now.aliases()).contains("a1", "a2", "a3");
    assertThat(now.sources()).containsExactlyInAnyOrder("upload", "chain");
    assertThat(now.cids()).contains(other.toString(), stored.cidV1(), Cid.parse(stored.cidV0()).toV1().toString());
    assertThat(store().find(other.toString())).map(StoredModule::sha256).contains(stored.sha256());
  }

  @Test
  void anAliasGivenAgainNamesTheNewerModule() throws Exception {
    String alias = "registry-id-" + UUID.randomUUID();
    StoredModule first = store().put(module(800), ModuleOrigin.of("chain").withAlias(alias));
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(first.sha256());
    StoredModule second = store().put(module(801), ModuleOrigin.of("chain").withAlias(alias));
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(second.sha256());
    assertThat(store().addAlias(first.sha256(), alias)).isTrue();
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(first.sha256());
  }

  @Test
  void theFirstPrincipalToClaimAnAliasOwnsItAndAnotherCannotTakeIt() throws Exception {
    String alias = "owned-" + UUID.randomUUID();
    AliasOwner alice = AliasOwner.principal("alice");
    AliasOwner bob = AliasOwner.principal("bob");
    assertThat(store().aliasOwner(alias)).isEmpty();
    assertThat(store().claimAlias(alias, alice)).isEqualTo(alice);
    assertThat(store().find(alias)).as("a claim alone names no module").isEmpty();
    assertThat(store().claimAlias(alias, bob)).isEqualTo(alice);
    assertThat(store().claimAlias(alias, alice)).isEqualTo(alice);
    assertThat(store().aliasOwner(alias)).contains(alice);
    StoredModule first = store().put(module(900), ModuleOrigin.of("upload").withAlias(alias));
    StoredModule second = store().put(module(901), ModuleOrigin.of("upload"));
    assertThat(store().addAlias(second.sha256(), alias)).isTrue();
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(second.sha256());
    assertThat(store().aliasOwner(alias)).as("pointing an alias keeps its owner").contains(alice);
    assertThat(first.aliases()).contains(alias);
  }

  @Test
  void anUnownedAliasIsClaimedWithoutMovingAndTheRegistryTakesAnyAlias() throws Exception {
    String alias = "registry-" + UUID.randomUUID();
    StoredModule given = store().put(module(910), ModuleOrigin.of("chain").withAlias(alias));
    assertThat(store().aliasOwner(alias)).isEmpty();
    AliasOwner squatter = AliasOwner.principal("squatter");
    assertThat(store().claimAlias(alias, squatter)).isEqualTo(squatter);
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(given.sha256());
    assertThat(store().claimAlias(alias, AliasOwner.REGISTRY)).isEqualTo(AliasOwner.REGISTRY);
    assertThat(store().aliasOwner(alias)).contains(AliasOwner.REGISTRY);
    assertThat(store().claimAlias(alias, squatter)).isEqualTo(AliasOwner.REGISTRY);
    assertThat(store().find(alias)).map(StoredModule::sha256).contains(given.sha256());
    assertThatThrownBy(() -> AliasOwner.principal(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWrongExpectedHashStoresNothing() throws Exception {
    byte[] wasm = module(400);
    String wrong = ModuleAddresses.sha256(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> store().put(wasm, ModuleOrigin.of("upload").expecting(wrong)))
        .isInstanceOf(ModuleHashMismatchException.class).hasMessageContaining(wrong);
    assertThat(store().find(ModuleAddresses.sha256(wasm))).isEmpty();
    assertThat(store().put(wasm, ModuleOrigin.of("upload").expecting(ModuleAddresses.sha256(wasm).toUpperCase()))
        .size()).isEqualTo(wasm.length);
  }

  @Test
  void aMultiChunkModuleHasADagPbCidV1AndListsNewestFirst() throws Exception {
    byte[] big = Arrays.copyOf(module(500), 700 * 1024);
    StoredModule stored = store().put(big, ModuleOrigin.of("upload"));
    assertThat(stored.cidV1()).startsWith("bafybei");
    StoredModule newest = store().put(module(600), ModuleOrigin.of("upload"));
    List<StoredModule> page = store().list(0, 2);
    assertThat(page).extracting(StoredModule::sha256).containsExactly(newest.sha256(), stored.sha256());
    assertThat(store().list(1, 1)).extracting(StoredModule::sha256).containsExactly(stored.sha256());
    assertThat(store().count()).isGreaterThanOrEqualTo(2);
  }

  /** c-add.wasm with a custom section naming a fresh UUID, so each test has modules of its own. */
  static byte[] module(int tag) throws Exception {
    byte[] base = GuestCorpus.bytes("c-add.wasm");
    byte[] name = ("t" + tag + "-" + UUID.randomUUID()).getBytes();
    byte[] out = Arrays.copyOf(base, base.length + 3 + name.length);
    out[base.length] = 0;
    out[base.length + 1] = (byte) (name.length + 1);
    out[base.length + 2] = (byte) name.length;
    System.arraycopy(name, 0, out, base.length + 3, name.length);
    return out;
  }
}
