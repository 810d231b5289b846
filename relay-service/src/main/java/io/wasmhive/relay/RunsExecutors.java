package io.wasmhive.relay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks beans of the executor consumers: present in {@code relay.mode} {@code all} and {@code worker}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnRelayMode({RelayMode.ALL, RelayMode.WORKER})
public @interface RunsExecutors {
}
