package io.wasmhive.workflow.sdk;

/**
 * The SDK's {@code metadata}: {@code {"createdAt": Date.now(), "version": "1.0.0"}}.
 *
 * @param createdAt milliseconds since the epoch, as the client's clock said
 * @param version the SDK's format version, {@code "1.0.0"} today
 */
public record Metadata(Long createdAt, String version) {
}
