package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.CursorKey;
import java.util.Locale;
import java.util.Map;

/**
 * Whose cursor: one per chain and registry contract, so pointing the watcher at another chain or contract
 * starts afresh.
 *
 * @param chainId the chain id {@code eth_chainId} reports
 * @param contract the registry address, stored in lower case
 */
record ChainCursorKey(long chainId, String contract) implements CursorKey {

  /** The collection the indexer keeps its cursors in. */
  static final String COLLECTION = "chain_cursors";

  ChainCursorKey {
    contract = contract.toLowerCase(Locale.ROOT);
  }

  /** The document id: {@code <chainId>:<contract>}. */
  @Override
  public String id() {
    return chainId + ":" + contract;
  }

  @Override
  public Map<String, Object> labels() {
    return Map.of("chainId", chainId, "contract", contract);
  }
}
