package io.wasmhive.procedure.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * {@link ModuleBytesStore} on the shared {@code wasm_modules} collection: one document per SHA-256 with the
 * fields {@code hash} (unique), {@code bytes}, {@code storedAt} and {@code size}.
 */
@Component
class MongoModuleBytesStore implements ModuleBytesStore {

  static final String COLLECTION = "wasm_modules";

  private static final Log logger = LogFactory.getLog(MongoModuleBytesStore.class);

  private final MongoTemplate mongo;

  MongoModuleBytesStore(MongoTemplate mongo) {
    this.mongo = mongo;
    createHashIndex();
  }

  private void createHashIndex() {
    try {
      // Sparse, because other services may keep documents without a hash in the shared collection.
      mongo.indexOps(COLLECTION).createIndex(new Index().on("hash", Sort.Direction.ASC).unique().sparse());
    } catch (DataAccessException e) {
      // Another service may have created the index on the shared collection with other options first;
      // the upsert by hash in put() still stores each module once.
      logger.warn("Could not create the index on " + COLLECTION + ".hash: " + e.getMessage());
    }
  }

  @Override
  public void put(String sha256, byte[] bytes) {
    // An upsert that only sets fields on insert: storing the same module twice changes nothing.
    Update update = new Update()
        .setOnInsert("bytes", new Binary(bytes))
        .setOnInsert("size", bytes.length)
        .setOnInsert("storedAt", Instant.now());
    mongo.upsert(query(where("hash").is(sha256)), update, COLLECTION);
  }

  @Override
  public Optional<byte[]> get(String sha256) {
    Document doc = mongo.findOne(query(where("hash").is(sha256)), Document.class, COLLECTION);
    if (doc == null) {
      return Optional.empty();
    }
    Object bytes = doc.get("bytes");
    return Optional.of(bytes instanceof Binary binary ? binary.getData() : (byte[]) bytes);
  }
}
