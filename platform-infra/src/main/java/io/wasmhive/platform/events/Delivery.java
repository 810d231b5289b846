package io.wasmhive.platform.events;

import java.time.Instant;

/**
 * How an event reached its handler.
 *
 * @param stream the stream it was read from
 * @param group the consumer group
 * @param consumer the consumer that holds it now
 * @param id the stream entry id, unique within the stream ({@code 1700000000000-0})
 * @param type the event's wire name
 * @param occurredAt when it was published
 * @param deliveryCount how many times it has been delivered, this time included (1 the first time)
 */
public record Delivery(String stream, String group, String consumer, String id, String type,
    Instant occurredAt, long deliveryCount) {
}
