package io.wasmhive.platform.events.redis;

import java.lang.reflect.Method;

import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.EventHandlingException;

/** Whether a handler's failure is worth another delivery (see {@link EventHandlingException}). */
final class Retryability {

  private Retryability() {
  }

  /** Asks the exception if it knows; otherwise a failure counts as retryable. Does not block. */
  static boolean isRetryable(Throwable failure) {
    if (failure instanceof EventHandlingException handling) {
      return handling.retryable();
    }
    if (failure instanceof EventBusException bus) {
      return bus.retryable();
    }
    try {
      Method method = failure.getClass().getMethod("retryable");
      if (method.getReturnType() == boolean.class && method.getParameterCount() == 0) {
        return (boolean) method.invoke(failure);
      }
    } catch (ReflectiveOperationException | RuntimeException noOpinion) {
      // Not an exception that marks itself: fall through to the default.
    }
    return true;
  }
}
