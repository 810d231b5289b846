package io.wasmhive.indexer;

import io.wasmhive.platform.testing.ActuatorHealthContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;

/** indexer-service on a random port, on the embedded MongoDB and Redis, asked over real HTTP. */
@ServiceIntegrationTest
class IndexerApplicationIntegrationTests extends ActuatorHealthContract {
}
