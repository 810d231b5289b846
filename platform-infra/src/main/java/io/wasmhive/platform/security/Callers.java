package io.wasmhive.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the request the current thread serves. Every request that reaches a controller has one: local mode
 * makes every request a local caller, secure mode refuses a request without credentials before it gets there.
 */
public final class Callers {

  private Callers() {
  }

  /** The current request's caller, if it has one. Thread-safe: reads the thread's security context. */
  public static Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof CallerAuthentication c ? Optional.of(c.caller()) : Optional.empty();
  }

  /**
   * The current request's caller.
   *
   * @throws IllegalStateException on a thread that serves no authenticated request (a programming error: the
   *     security chain authenticates every path that is not public)
   */
  public static Caller require() {
    return current().orElseThrow(() -> new IllegalStateException("no authenticated caller on this thread"));
  }
}
