/**
 * What a service's controllers say about themselves in its OpenAPI document beyond springdoc's own annotations:
 * {@link io.wasmhive.platform.openapi.ErrorResponses}, the error statuses an endpoint answers in the service's error
 * shape, and {@link io.wasmhive.platform.openapi.ErrorStatuses}, those responses for operations a service documents
 * by hand (a servlet, a filter). The parts every document shares (the error schema, the bearer scheme, public paths,
 * the 401/403 the security chain answers) are added by {@code openapi.autoconfigure} (ADR 0025).
 */
package io.wasmhive.platform.openapi;
