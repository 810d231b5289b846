/**
 * Test support every service shares, published as platform-infra's test jar: the integration-test
 * set-up on ephemeral embedded stores, the actuator health contract, and hand-made UnixFS DAGs of any
 * shape ({@link io.wasmhive.platform.testing.UnixFsDags}) for readers' tests and benchmarks.
 */
package io.wasmhive.platform.testing;
