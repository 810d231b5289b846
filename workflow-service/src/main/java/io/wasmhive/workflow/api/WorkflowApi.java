package io.wasmhive.workflow.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the workflow API ({@code /workflows}, {@code /runs}): its errors are rendered by
 * {@link WorkflowErrors} as {@code {"error":{"code","message","details"}}}. Controllers with other error shapes
 * (the Ditto WASM server API) must not carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkflowApi {
}
