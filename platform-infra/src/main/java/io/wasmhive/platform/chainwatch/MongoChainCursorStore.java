package io.wasmhive.platform.chainwatch;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link ChainCursorStore} on a MongoDB collection of the caller's choice: one document per key, {@code _id} = the
 * key's id, the key's labels, {@code block}, {@code logIndex} (missing for a whole block) and {@code updatedAt}.
 * Thread-safe.
 */
public final class MongoChainCursorStore implements ChainCursorStore {

  private final MongoTemplate mongo;
  private final String collection;
  private final Clock clock;

  public MongoChainCursorStore(MongoTemplate mongo, String collection, Clock clock) {
    this.mongo = mongo;
    this.collection = collection;
    this.clock = clock;
  }

  @Override
  public Optional<ChainCursor> load(CursorKey key) {
    Document doc = mongo.findById(key.id(), Document.class, collection);
    if (doc == null) {
      return Optional.empty();
    }
    Number logIndex = doc.get("logIndex", Number.class);
    return Optional.of(new ChainCursor(doc.get("block", Number.class).longValue(),
        logIndex == null ? ChainCursor.WHOLE_BLOCK : logIndex.longValue()));
  }

  @Override
  public void save(CursorKey key, ChainCursor cursor) {
    Update update = new Update();
    key.labels().forEach(update::set);
    update.set("block", cursor.block()).set("updatedAt", Date.from(clock.instant()));
    if (cursor.logIndex() == ChainCursor.WHOLE_BLOCK) {
      update.unset("logIndex");
    } else {
      update.set("logIndex", cursor.logIndex());
    }
    mongo.upsert(new Query(Criteria.where("_id").is(key.id())), update, collection);
  }

  /** Removes the cursor of {@code key}, if any. */
  public void delete(CursorKey key) {
    mongo.remove(new Query(Criteria.where("_id").is(key.id())), collection);
  }

  /** The collection it keeps cursors in. */
  public String collection() {
    return collection;
  }
}
