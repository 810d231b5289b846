package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DataAccessException;

/**
 * {@link ExecutionGateway} on Redis streams. {@link #submit} publishes {@code execution_queued} and then the
 * request (so subscribers see queued before started); the instance's follow of {@code wasm_exec_completed} (the
 * bus's, without a group) completes this instance's waiters, whichever instance ran the execution. Thread-safe.
 */
final class RedisExecutionGateway implements ExecutionGateway, AutoCloseable {

  private final EventBus bus;
  private final ExecutionEventPublisher events;
  private final QueuePosition queue;
  private final Waiters waiters;
  private final FollowHandle completions;

  RedisExecutionGateway(EventBus bus, ExecutionEventPublisher events, QueuePosition queue, Duration maxWait) {
    this.bus = bus;
    this.events = events;
    this.queue = queue;
    this.waiters = new Waiters(maxWait, 1024, Duration.ofMinutes(1));
    this.completions = bus.follow(Streams.EXEC_COMPLETED, StartPosition.LATEST, new Completions());
  }

  /**
   * Registers the waiter, then publishes; blocks for about three Redis round trips. The future is removed from
   * this instance's table when it completes, is cancelled or times out ({@code orTimeout}); one never completed
   * or cancelled is failed with a {@link java.util.concurrent.TimeoutException} after {@code relay.executor.max-wait}.
   */
  @Override
  public CompletableFuture<ExecutionOutcome> submit(ExecutionRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<ExecutionOutcome> future = waiters.register(request.requestId(), false);
    try {
      long position = queue.next();
      events.publish(events.queued(request.requestId(), request.userId(), request.cid(), position));
      bus.publish(Streams.EXEC_REQUESTED, request.toWire());
    } catch (EventBusException e) {
      future.cancel(false);
      throw e;
    } catch (DataAccessException e) {
      future.cancel(false);
      throw new EventBusException("Cannot publish the request " + request.requestId() + ": " + e.getMessage(), true,
          e);
    }
    return future;
  }

  /** Never blocks: a future completed by the next outcome of the request (or the last one, if seen recently). */
  @Override
  public CompletableFuture<ExecutionOutcome> awaitCompletion(String requestId) {
    return waiters.register(Objects.requireNonNull(requestId, "requestId"), true);
  }

  @Override
  public FeatureState state() {
    return completions.isConnected() ? FeatureState.up()
        : FeatureState.degraded("cannot read " + Streams.EXEC_COMPLETED + " from Redis; retrying");
  }

  /** Futures waiting now, for tests and metrics. */
  int waiting() {
    return waiters.size();
  }

  @Override
  public void close() {
    completions.close();
    waiters.failAll(new CancellationException("the relay is shutting down"));
  }

  /** Completes this instance's waiters from every outcome, and expires the old ones after every read. */
  private final class Completions implements Follower {

    @Override
    public void onEvent(StreamEvent event) {
      if (Streams.EXEC_COMPLETED.equals(event.type())) {
        ExecutionCompleted completed = bus.decode(event, ExecutionCompleted.class);
        waiters.complete(completed.requestId(), ExecutionOutcome.of(completed));
      }
    }

    @Override
    public void afterRead() {
      waiters.expire();
    }
  }
}
