package io.wasmhive.relay;

import io.wasmhive.platform.testing.ActuatorHealthContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;

/** relay-service on a random port, on the embedded MongoDB and Redis, asked over real HTTP. */
@ServiceIntegrationTest
class RelayApplicationIntegrationTests extends ActuatorHealthContract {
}
