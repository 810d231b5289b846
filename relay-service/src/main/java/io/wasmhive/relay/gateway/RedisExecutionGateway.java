package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.EncodedEvent;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.Publication;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.execution.PublishedOutcomes;
import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DataAccessException;

/**
 * {@link ExecutionGateway} on Redis streams. {@link #submit} reads the queue position and then publishes
 * {@code execution_queued} and the request in one atomic round trip (queued first, so subscribers see queued
 * before started); the instance's follow of {@code wasm_exec_completed} (the
 * bus's, without a group) completes this instance's waiters, whichever instance ran the execution, and an outcome
 * this instance's own consumers published completes them at once ({@link PublishedOutcomes}). Thread-safe.
 */
final class RedisExecutionGateway implements ExecutionGateway, PublishedOutcomes, AutoCloseable {

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
   * Registers the waiter, then publishes; blocks for two Redis round trips. The future is removed from
   * this instance's table when it completes, is cancelled or times out ({@code orTimeout}); one never completed
   * or cancelled is failed with a {@link java.util.concurrent.TimeoutException} after {@code relay.executor.max-wait}.
   */
  @Override
  public CompletableFuture<ExecutionOutcome> submit(ExecutionRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<ExecutionOutcome> future = waiters.register(request.requestId(), false);
    try {
      long position = queue.next();
      // One atomic round trip for both entries, queued first (subscribers see queued before started).
      bus.publishAll(List.of(
          events.publication(events.queued(request.requestId(), request.userId(), request.cid(), position)),
          new Publication(Streams.EXEC_REQUESTED, request.toWire())));
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

  /**
   * An outcome this process's consumers just published: completes this instance's waiters at once, decoded from
   * the payload as published, as the follow of {@code wasm_exec_completed} would (which then finds nobody
   * waiting). Never blocks.
   */
  @Override
  public void published(EncodedEvent outcome) {
    StreamEvent event = new StreamEvent(Streams.EXEC_COMPLETED, null, outcome.type(), null, outcome.payload());
    ExecutionCompleted completed = bus.decode(event, ExecutionCompleted.class);
    waiters.complete(completed.requestId(), ExecutionOutcome.of(completed));
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
