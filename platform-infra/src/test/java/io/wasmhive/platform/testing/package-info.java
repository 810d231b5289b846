/**
 * Test support every service shares, published as platform-infra's test jar: the integration-test
 * set-up on ephemeral embedded stores and the actuator health contract.
 */
package io.wasmhive.platform.testing;
