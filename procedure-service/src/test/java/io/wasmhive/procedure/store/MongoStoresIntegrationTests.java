package io.wasmhive.procedure.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/** The MongoDB adapters against the embedded stand-in, in the same application context as the API tests. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/api", "procedure.max-body-size=1MB",
    "procedure.max-module-size=64KB"})
class MongoStoresIntegrationTests extends ProcedureStoreContract {

  @Autowired
  ProcedureStore procedureStore;

  @Autowired
  ModuleBytesStore moduleBytesStore;

  @Autowired
  MongoTemplate mongo;

  @Override
  ProcedureStore procedures() {
    return procedureStore;
  }

  @Override
  ModuleBytesStore modules() {
    return moduleBytesStore;
  }

  @Override
  long storedCopies(String hash) {
    return mongo.count(query(where("hash").is(hash)), MongoModuleBytesStore.COLLECTION);
  }
}
