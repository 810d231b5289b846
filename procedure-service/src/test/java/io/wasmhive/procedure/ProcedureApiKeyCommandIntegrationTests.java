package io.wasmhive.procedure;

import io.wasmhive.platform.testing.ApiKeyCommandContract;

/** {@code java -jar procedure-service.jar api-key create …} issues the first administrator's key. */
class ProcedureApiKeyCommandIntegrationTests extends ApiKeyCommandContract {

  @Override
  protected Class<?> application() {
    return ProcedureApplication.class;
  }
}
