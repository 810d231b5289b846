package io.wasmhive.relay.execution;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.relay.events.ExecutionEvent;
import io.wasmhive.relay.events.RelayStreams;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds the lifecycle events of seed 001 and publishes them on {@code wasm_exec_events} through the event bus.
 * Thread-safe; each publish blocks for one Redis round trip.
 */
final class LifecycleEvents {

  private static final Log logger = LogFactory.getLog(LifecycleEvents.class);

  private final EventBus bus;
  private final Clock clock;

  LifecycleEvents(EventBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
  }

  /** Publishes the event; throws a retryable {@link EventBusException} when Redis cannot take it. */
  void publish(ExecutionEvent event) {
    bus.publish(RelayStreams.EXEC_EVENTS, new ExecutionEventRecorded(event));
  }

  /** Publishes the event unless Redis fails, which is logged: for events nobody's correctness depends on. */
  void publishQuietly(ExecutionEvent event) {
    try {
      publish(event);
    } catch (EventBusException e) {
      logger.debug("Could not publish " + event.type() + " of " + event.requestId() + ": " + e.getMessage());
    }
  }

  ExecutionEvent queued(String requestId, String userId, String cid, long position) {
    return new ExecutionEvent(ExecutionEvent.QUEUED, requestId, userId, cid, position, null, null, null, null, null,
        now());
  }

  ExecutionEvent started(String requestId, String userId, String executorNode) {
    return new ExecutionEvent(ExecutionEvent.STARTED, requestId, userId, null, null, executorNode, null, null, null,
        null, now());
  }

  ExecutionEvent progress(String requestId, String userId, int percent) {
    return new ExecutionEvent(ExecutionEvent.PROGRESS, requestId, userId, null, null, null, percent, null, null, null,
        now());
  }

  /** {@code execution_complete} for a success, {@code execution_error} for a failure. */
  ExecutionEvent finished(String userId, ExecutionOutcome outcome) {
    if (outcome.success()) {
      return new ExecutionEvent(ExecutionEvent.COMPLETE, outcome.requestId(), userId, null, null, null, null, true,
          outcome.durationMs(), null, now());
    }
    return new ExecutionEvent(ExecutionEvent.ERROR, outcome.requestId(), userId, null, null, null, null, false,
        outcome.durationMs(), outcome.errorCode() + ": " + outcome.error(), now());
  }

  private String now() {
    return clock.instant().toString();
  }
}
