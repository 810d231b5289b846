package io.wasmhive.workflow;

import io.wasmhive.platform.testing.ActuatorHealthContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;

/** workflow-service on a random port, on the embedded MongoDB and Redis, asked over real HTTP. */
@ServiceIntegrationTest
class WorkflowApplicationIntegrationTests extends ActuatorHealthContract {
}
