package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.ChainCursor;
import io.wasmhive.platform.chainwatch.ChainCursorStore;
import io.wasmhive.platform.chainwatch.MongoChainCursorStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB adapter against the embedded stand-in. */
@ServiceIntegrationTest
class MongoChainCursorStoreIntegrationTests extends ChainCursorStoreContract {

  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Autowired
  MongoTemplate mongo;

  @Override
  ChainCursorStore store() {
    return new MongoChainCursorStore(mongo, ChainCursorKey.COLLECTION, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void oneDocumentPerKeyInChainCursors() {
    ChainCursorKey key = new ChainCursorKey(31337, contract);
    store().save(key, new ChainCursor(3, 1));
    store().save(key, ChainCursor.afterBlock(4));

    assertThat(mongo.count(query(where("_id").is("31337:" + contract)), "chain_cursors")).isEqualTo(1);
    Document doc = mongo.findById(key.id(), Document.class, "chain_cursors");
    assertThat(doc).containsEntry("block", 4L).containsEntry("contract", contract).containsEntry("chainId", 31337L);
    assertThat(doc.get("logIndex")).as("a whole block is stored as a missing log index").isNull();
  }
}
