package io.wasmhive.relay.execution;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.relay.events.RelayStreams;
import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ExecutionGateway} on Redis streams. {@link #submit} publishes {@code execution_queued} and then the
 * request (so subscribers see queued before started); one {@link StreamTail} per instance reads
 * {@code wasm_exec_completed} and completes this instance's waiters, whichever instance ran the execution.
 * Thread-safe.
 */
final class RedisExecutionGateway implements ExecutionGateway, AutoCloseable {

  private final EventBus bus;
  private final LifecycleEvents events;
  private final QueuePosition queue;
  private final JsonMapper json;
  private final Waiters waiters;
  private final StreamTail completions;

  RedisExecutionGateway(EventBus bus, LifecycleEvents events, StringRedisTemplate redis, JsonMapper json,
      Duration maxWait, Duration readBlock) {
    this.bus = bus;
    this.events = events;
    this.queue = new QueuePosition(redis);
    this.json = json;
    this.waiters = new Waiters(maxWait, 1024, Duration.ofMinutes(1));
    this.completions = new StreamTail(redis, RelayStreams.EXEC_COMPLETED, readBlock, this::completed,
        waiters::expire);
    completions.start();
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
      bus.publish(RelayStreams.EXEC_REQUESTED, ExecutionRequested.of(request));
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
    return completions.connected() ? FeatureState.up()
        : FeatureState.degraded("cannot read " + RelayStreams.EXEC_COMPLETED + " from Redis; retrying");
  }

  /** Futures waiting now, for tests and metrics. */
  int waiting() {
    return waiters.size();
  }

  private void completed(Map<String, String> fields) {
    if (!"wasm_exec_completed".equals(fields.get("type")) || fields.get("payload") == null) {
      return;
    }
    ExecutionCompleted completed = json.readValue(fields.get("payload"), ExecutionCompleted.class);
    waiters.complete(completed.requestId(), completed.toOutcome());
  }

  @Override
  public void close() {
    completions.close();
    waiters.failAll(new java.util.concurrent.CancellationException("the relay is shutting down"));
  }

}
