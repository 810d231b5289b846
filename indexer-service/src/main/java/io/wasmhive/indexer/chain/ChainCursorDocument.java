package io.wasmhive.indexer.chain;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cursor as MongoDB stores it in {@code chain_cursors}; a null {@code logIndex} means the whole block is done.
 *
 * @param id {@code <chainId>:<contract>}
 * @param chainId the chain id
 * @param contract the registry address, lower case
 * @param block the last block with accepted logs
 * @param logIndex the last accepted log index in that block, or null for the whole block
 * @param updatedAt when the cursor was last saved
 */
@Document(MongoChainCursorStore.COLLECTION)
record ChainCursorDocument(@Id String id, long chainId, String contract, long block, Long logIndex,
    Instant updatedAt) {

  static ChainCursorDocument of(ChainCursorKey key, ChainCursor cursor, Instant now) {
    Long logIndex = cursor.logIndex() == ChainCursor.WHOLE_BLOCK ? null : cursor.logIndex();
    return new ChainCursorDocument(key.id(), key.chainId(), key.contract(), cursor.block(), logIndex, now);
  }

  ChainCursor toCursor() {
    return new ChainCursor(block, logIndex == null ? ChainCursor.WHOLE_BLOCK : logIndex);
  }
}
