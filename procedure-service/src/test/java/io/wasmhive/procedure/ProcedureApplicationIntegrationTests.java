package io.wasmhive.procedure;

import io.wasmhive.platform.testing.ActuatorHealthContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;

/** procedure-service on a random port, on the embedded MongoDB and Redis, asked over real HTTP. */
@ServiceIntegrationTest
class ProcedureApplicationIntegrationTests extends ActuatorHealthContract {
}
