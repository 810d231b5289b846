package io.wasmhive.workflow;

import io.wasmhive.platform.testing.ApiKeyCommandContract;

/** {@code java -jar workflow-service.jar api-key create …} issues the first administrator's key. */
class WorkflowApiKeyCommandIntegrationTests extends ApiKeyCommandContract {

  @Override
  protected Class<?> application() {
    return WorkflowApplication.class;
  }
}
