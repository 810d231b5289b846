package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBus;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes execution lifecycle events on {@code wasm_exec_events}, where the SSE reader of every relay instance
 * picks them up. Every publisher of lifecycle events goes through this class, so that the stream, the entry type
 * and the timestamp are set the same way everywhere. Thread-safe.
 */
public class ExecutionEventPublisher {

  private static final Set<String> TYPES = Set.of(ExecutionEvent.QUEUED, ExecutionEvent.STARTED,
      ExecutionEvent.PROGRESS, ExecutionEvent.COMPLETE, ExecutionEvent.ERROR);

  private final EventBus bus;
  private final Clock clock;

  public ExecutionEventPublisher(EventBus bus, Clock clock) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Appends the event to {@code wasm_exec_events}, stamping {@code timestamp} with the current instant when it is
   * null. Blocks for one Redis round trip. A lifecycle event is informational: callers should log a failure and go
   * on with the execution rather than fail it.
   *
   * @return the stream entry id, which SSE clients see as the event's {@code id:}
   * @throws IllegalArgumentException if the type is not one of the five lifecycle types, or the request id or user
   *     id is blank (an event without a user would be shown to nobody but the watch-all users)
   * @throws io.wasmhive.platform.events.EventBusException (retryable) if Redis cannot be reached
   */
  public String publish(ExecutionEvent event) {
    Objects.requireNonNull(event, "event");
    if (!TYPES.contains(event.type())) {
      throw new IllegalArgumentException("Unknown execution event type " + event.type() + "; expected one of "
          + TYPES);
    }
    requireText(event.requestId(), "request_id");
    requireText(event.userId(), "user_id");
    return bus.publish(RelayStreams.EXEC_EVENTS, new ExecutionEventEntry(stamped(event)));
  }

  private ExecutionEvent stamped(ExecutionEvent event) {
    if (event.timestamp() != null) {
      return event;
    }
    return new ExecutionEvent(event.type(), event.requestId(), event.userId(), event.cid(), event.position(),
        event.executorNode(), event.progress(), event.success(), event.duration(), event.error(),
        clock.instant().toString());
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An execution event needs a " + field);
    }
  }
}
