package io.wasmhive.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name of an event record: the {@code type} field of every stream entry that carries it,
 * and by convention the name of the stream it is published to ({@code module_index_requested}).
 * Lower-case letters, digits and underscores, starting with a letter, at most 100 characters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

  /** The wire name. */
  String value();
}
