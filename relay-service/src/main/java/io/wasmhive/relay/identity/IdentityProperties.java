package io.wasmhive.relay.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a request's user is known in local mode ({@code relay.identity}); the default lives in the annotation below
 * and nowhere else.
 *
 * @param headerEnabled whether, in local mode, the seed's {@code user_id} and {@code session_id} headers name the
 *     user (the dev default; {@code RELAY_HEADER_IDENTITY}); otherwise every request is {@code anonymous}. No
 *     effect in secure mode, where the user is always the authenticated caller's principal (a warning at start-up
 *     says so when it is set).
 */
@ConfigurationProperties("relay.identity")
public record IdentityProperties(@DefaultValue("true") boolean headerEnabled) {
}
