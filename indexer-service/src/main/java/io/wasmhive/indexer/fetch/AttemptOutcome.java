package io.wasmhive.indexer.fetch;

/**
 * How one gateway request ended: the verified module, or a failure.
 *
 * @param attempt the request
 * @param module the verified module, or null on failure
 * @param failure why it failed, or null on success
 */
record AttemptOutcome(GatewayAttempt attempt, byte[] module, GatewayFailure failure) {

  boolean succeeded() {
    return module != null;
  }
}
