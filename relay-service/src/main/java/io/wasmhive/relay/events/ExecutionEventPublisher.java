package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.Publication;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.ExecutionEvent;
import io.wasmhive.platform.events.contract.Streams;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one way lifecycle events are made and published on {@code wasm_exec_events}, where the SSE follower of
 * every relay instance picks them up: the executor consumers publish {@code execution_progress} here; the gateway
 * takes {@code execution_queued} as a {@link #publication} to publish it together with the request, the consumers
 * {@code execution_started} to publish it with their claim and the final event ({@link #finalEvent}) with the
 * outcome. Every event is checked, stamped and addressed the
 * same way. Thread-safe; each publish blocks for one Redis round trip.
 */
public class ExecutionEventPublisher {

  private static final Log logger = LogFactory.getLog(ExecutionEventPublisher.class);

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
   * null.
   *
   * @return the stream entry id, which SSE clients see as the event's {@code id:}
   * @throws IllegalArgumentException if the type is not one of the five lifecycle types, or the request id or user
   *     id is blank (an event without a user would be shown to nobody but the watch-all users)
   * @throws EventBusException (retryable) if Redis cannot be reached
   */
  public String publish(ExecutionEvent event) {
    return bus.publish(Streams.EXEC_EVENTS, checked(event));
  }

  /**
   * Publishes the event unless Redis fails, which is logged: for events nobody's correctness depends on
   * (progress). A lifecycle event is informational; losing one must not fail the execution.
   */
  public void publishQuietly(ExecutionEvent event) {
    try {
      publish(event);
    } catch (EventBusException e) {
      logger.debug("Could not publish " + event.type() + " of " + event.requestId() + ": " + e.getMessage());
    }
  }

  /** The event as one publication of an atomic {@link EventBus#publishIf}, checked and stamped like the rest. */
  public Publication publication(ExecutionEvent event) {
    return new Publication(Streams.EXEC_EVENTS, checked(event));
  }

  /** {@code execution_queued}: the gateway accepted the request; it is {@code position} in the queue. */
  public ExecutionEvent queued(String requestId, String userId, String cid, long position) {
    return new ExecutionEvent(ExecutionEvent.QUEUED, requestId, userId, cid, position, null, null, null, null, null,
        now());
  }

  /** {@code execution_started}: an executor consumer runs it. */
  public ExecutionEvent started(String requestId, String userId, String executorNode) {
    return new ExecutionEvent(ExecutionEvent.STARTED, requestId, userId, null, null, executorNode, null, null, null,
        null, now());
  }

  /** {@code execution_progress}: the guest reported {@code percent}. */
  public ExecutionEvent progress(String requestId, String userId, int percent) {
    return new ExecutionEvent(ExecutionEvent.PROGRESS, requestId, userId, null, null, null, percent, null, null, null,
        now());
  }

  /** {@code execution_complete} for a successful outcome, {@code execution_error} for a failed one. */
  public ExecutionEvent finalEvent(ExecutionCompleted outcome) {
    if (outcome.success()) {
      return new ExecutionEvent(ExecutionEvent.COMPLETE, outcome.requestId(), outcome.userId(), null, null, null,
          null, true, outcome.duration(), null, now());
    }
    return new ExecutionEvent(ExecutionEvent.ERROR, outcome.requestId(), outcome.userId(), null, null, null, null,
        false, outcome.duration(), outcome.errorCode() + ": " + outcome.error(), now());
  }

  private ExecutionEvent checked(ExecutionEvent event) {
    Objects.requireNonNull(event, "event");
    if (!TYPES.contains(event.type())) {
      throw new IllegalArgumentException("Unknown execution event type " + event.type() + "; expected one of "
          + TYPES);
    }
    requireText(event.requestId(), "request_id");
    requireText(event.userId(), "user_id");
    if (event.timestamp() != null) {
      return event;
    }
    return new ExecutionEvent(event.type(), event.requestId(), event.userId(), event.cid(), event.position(),
        event.executorNode(), event.progress(), event.success(), event.duration(), event.error(), now());
  }

  private String now() {
    return clock.instant().toString();
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An execution event needs a " + field);
    }
  }
}
