package io.wasmhive.relay;

import io.wasmhive.platform.testing.ApiKeyCommandContract;

/** {@code java -jar relay-service.jar api-key create …} issues the first administrator's key. */
class RelayApiKeyCommandIntegrationTests extends ApiKeyCommandContract {

  @Override
  protected Class<?> application() {
    return RelayApplication.class;
  }
}
