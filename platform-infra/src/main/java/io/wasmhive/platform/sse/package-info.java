/**
 * Server-Sent Events over the event bus's streams, shared by every service that serves them (relay-service's
 * execution events, workflow-service's run events): {@link io.wasmhive.platform.sse.SseChannel} follows one stream
 * and serves its entries to the subscribers of one endpoint, with the stream ids as event ids, a bounded replay after
 * {@code Last-Event-ID}, a limit of subscribers, heartbeats and slow-client eviction;
 * {@link io.wasmhive.platform.sse.SseFrames} writes the frames and {@link io.wasmhive.platform.sse.SseMetrics} binds
 * the meters. Services bring their own decoding, filters, paths and error shape.
 */
package io.wasmhive.platform.sse;
