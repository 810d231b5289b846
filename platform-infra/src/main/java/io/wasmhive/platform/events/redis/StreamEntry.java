package io.wasmhive.platform.events.redis;

import java.util.Map;

/**
 * One stream entry as read or claimed, with how many times it has been delivered.
 *
 * @param id the entry id
 * @param fields its field-value pairs, in order
 * @param deliveryCount deliveries so far, this one included
 */
record StreamEntry(String id, Map<String, String> fields, long deliveryCount) {
}
