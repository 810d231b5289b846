package io.wasmhive.indexer.fetch;

import java.util.Objects;

/**
 * Why one request to one gateway failed.
 *
 * @param gateway the gateway's base URL, credentials masked
 * @param reason the kind of failure
 * @param message what happened, in words (credentials masked)
 * @param attempt the round of the fetch, from 1
 * @param bytesRead bytes of the response body read before the request ended
 */
public record GatewayFailure(String gateway, FailureReason reason, String message, int attempt, long bytesRead) {

  public GatewayFailure {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return gateway + " " + reason + " (attempt " + attempt + "): " + message;
  }
}
