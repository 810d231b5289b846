package io.wasmhive.platform.events;

import java.time.Instant;

/**
 * One entry of a stream as the envelope holds it, undecoded: a follower or a reader of the stream's
 * history gets these, and turns the payload into a record with {@link EventBus#decode}, or reads it
 * as JSON to pass it on unchanged.
 *
 * @param stream the stream
 * @param id the entry id ({@code 1767323045678-0})
 * @param type the entry's {@code type} field (the wire name), or null if it has none
 * @param occurredAt its {@code occurred_at}, or null if it has none that reads as an instant
 * @param payload its {@code payload} field (JSON), or null if it has none
 */
public record StreamEvent(String stream, String id, String type, Instant occurredAt, String payload) {
}
