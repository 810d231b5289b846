package io.wasmhive.indexer.chain;

import java.time.Clock;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@link ChainCursorStore} on the {@code chain_cursors} collection through Spring Data MongoDB. */
final class MongoChainCursorStore implements ChainCursorStore {

  static final String COLLECTION = "chain_cursors";

  private final MongoTemplate mongo;
  private final Clock clock;

  MongoChainCursorStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  @Override
  public Optional<ChainCursor> load(ChainCursorKey key) {
    return Optional.ofNullable(mongo.findById(key.id(), ChainCursorDocument.class))
        .map(ChainCursorDocument::toCursor);
  }

  @Override
  public void save(ChainCursorKey key, ChainCursor cursor) {
    // The key is the _id, so save() replaces the one document in place (an upsert).
    mongo.save(ChainCursorDocument.of(key, cursor, clock.instant()));
  }
}
