package io.wasmhive.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint (or every endpoint of a controller) answers, each documented with the service's
 * error body ({@code #/components/schemas/Error}, made from its {@code ErrorShape}) and, for 429 and 503, the
 * {@code Retry-After} header. The security chain's 401 and 403 are added to every endpoint without being listed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ErrorResponses {

  /** The statuses, like {@code {400, 404, 413}}. */
  int[] value();
}
