package io.wasmhive.indexer.chain;

import java.util.Locale;

/**
 * Whose cursor: one per chain and registry contract, so pointing the watcher at another chain or contract
 * starts afresh.
 *
 * @param chainId the chain id {@code eth_chainId} reports
 * @param contract the registry address, stored in lower case
 */
record ChainCursorKey(long chainId, String contract) {

  ChainCursorKey {
    contract = contract.toLowerCase(Locale.ROOT);
  }

  /** The document id: {@code <chainId>:<contract>}. */
  String id() {
    return chainId + ":" + contract;
  }
}
