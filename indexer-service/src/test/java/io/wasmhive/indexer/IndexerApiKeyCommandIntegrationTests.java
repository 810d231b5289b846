package io.wasmhive.indexer;

import io.wasmhive.platform.testing.ApiKeyCommandContract;

/** {@code java -jar indexer-service.jar api-key create …} issues the first administrator's key. */
class IndexerApiKeyCommandIntegrationTests extends ApiKeyCommandContract {

  @Override
  protected Class<?> application() {
    return IndexerApplication.class;
  }
}
