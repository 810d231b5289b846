package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.ChainCursor;
import io.wasmhive.platform.chainwatch.ChainCursorStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChainCursorStore} must do; extend it once per implementation. */
abstract class ChainCursorStoreContract {

  String contract;

  abstract ChainCursorStore store();

  @BeforeEach
  void freshContract() {
    contract = "0x" + UUID.randomUUID().toString().replace("-", "") + "00000000";
  }

  @Test
  void aKeyWithoutASavedCursorHasNone() {
    assertThat(store().load(new ChainCursorKey(1, contract))).isEmpty();
  }

  @Test
  void theLastSavedCursorIsLoaded() {
    ChainCursorKey key = new ChainCursorKey(1, contract);
    store().save(key, new ChainCursor(5, 2));
    assertThat(store().load(key)).contains(new ChainCursor(5, 2));
    store().save(key, ChainCursor.afterBlock(7));
    assertThat(store().load(key)).contains(ChainCursor.afterBlock(7));
    store().save(key, ChainCursor.before(0));
    assertThat(store().load(key)).contains(new ChainCursor(-1, ChainCursor.WHOLE_BLOCK));
  }

  @Test
  void cursorsAreKeyedByChainAndContractWhateverTheAddressCase() {
    store().save(new ChainCursorKey(1, contract), ChainCursor.afterBlock(10));
    store().save(new ChainCursorKey(2, contract), ChainCursor.afterBlock(20));

    assertThat(store().load(new ChainCursorKey(1, contract.toUpperCase().replace("0X", "0x"))))
        .contains(ChainCursor.afterBlock(10));
    assertThat(store().load(new ChainCursorKey(2, contract))).contains(ChainCursor.afterBlock(20));
    assertThat(store().load(new ChainCursorKey(1, contract.replace("00000000", "00000001")))).isEmpty();
  }
}
