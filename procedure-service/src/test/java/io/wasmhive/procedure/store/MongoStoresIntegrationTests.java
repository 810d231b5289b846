package io.wasmhive.procedure.store;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The MongoDB adapter against the embedded stand-in, in the same application context as the API tests. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/api", "procedure.max-body-size=1MB",
    "procedure.max-module-size=64KB"})
class MongoStoresIntegrationTests extends ProcedureStoreContract {

  @Autowired
  ProcedureStore procedureStore;

  @Override
  ProcedureStore procedures() {
    return procedureStore;
  }

}
