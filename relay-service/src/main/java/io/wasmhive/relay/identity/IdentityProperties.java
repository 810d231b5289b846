package io.wasmhive.relay.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a request's user is known ({@code relay.identity}); the default lives in the annotation below and nowhere
 * else.
 *
 * @param headerEnabled whether, without an authenticated principal, the seed's {@code user_id} and
 *     {@code session_id} headers name the user (the dev default; {@code RELAY_HEADER_IDENTITY}). Deployments that
 *     authenticate callers must turn it off, or anyone can claim any user id with a header.
 */
@ConfigurationProperties("relay.identity")
public record IdentityProperties(@DefaultValue("true") boolean headerEnabled) {
}
