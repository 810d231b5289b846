/**
 * The shared part of every service's OpenAPI 3.1 document (ADR 0025): the document paths and Swagger UI as public
 * paths of the security chain, springdoc's defaults, the error schema made from the service's {@code ErrorShape},
 * the bearer scheme and the error responses of {@link io.wasmhive.platform.openapi.ErrorResponses}.
 */
package io.wasmhive.platform.openapi.autoconfigure;
