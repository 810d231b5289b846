package io.wasmhive.relay.execution;

import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EncodedEvent;
import io.wasmhive.platform.events.EventHandlingException;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.ExecutionRequested;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.stages.Stage;
import io.wasmhive.relay.stages.StageClock;
import java.time.Clock;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The executor consumers of the relay (modes {@code all} and {@code worker}): handle each
 * {@code wasm_exec_requested} delivered to the consumer group {@code executors}, exactly once in effect.
 *
 * <p>Why an outcome is published once although delivery is at least once: every handling first claims the
 * request id in Redis ({@link CompletionMarker#begin}: {@code relay:done:<request_id>} = {@code running} with a
 * lease of the request's {@code max_time} plus the reclaim idle time, in the same guarded publication as its
 * {@code execution_started} event) and ends with one guarded publication of the
 * event bus that marks it {@code done} and appends the outcome and the final lifecycle event, atomically, only while
 * the claim is still its own. A delivery that finds
 * {@code done} does not run the module: for the same stream entry (a redelivery after a crash between the
 * script and the ack) it only acknowledges; for another entry with the same request id (the request was
 * submitted again while the marker lives) it publishes the stored outcome again. A delivery that finds
 * {@code running} stays pending (retryable) until the holder finishes or its lease runs out (the holder died
 * before publishing anything, so running the module again is not a second visible execution). The module
 * itself may thus start twice only when a consumer dies mid-execution, and then only one outcome is ever
 * published. An outcome this consumer published is also handed to {@link PublishedOutcomes} at once, so that
 * a waiter in this process is answered without reading the stream back. Thread-safe; one handling per consumer
 * thread.
 */
public final class ExecutorConsumers {

  private static final Log logger = LogFactory.getLog(ExecutorConsumers.class);

  private final ModuleRunner runner;
  private final CompletionMarker marker;
  private final ExecutionEventPublisher events;
  private final ProgressReporter progress;
  private final PublishedOutcomes outcomes;
  private final StageClock stages;
  private final Duration reclaimIdle;
  private final long defaultMaxTimeMs;
  private final int maxDeliveries;
  private final Clock clock;

  ExecutorConsumers(ModuleRunner runner, CompletionMarker marker, ExecutionEventPublisher events,
      ProgressReporter progress, PublishedOutcomes outcomes, StageClock stages, Duration reclaimIdle,
      long defaultMaxTimeMs, int maxDeliveries, Clock clock) {
    this.runner = runner;
    this.marker = marker;
    this.events = events;
    this.progress = progress;
    this.outcomes = outcomes;
    this.stages = stages;
    this.reclaimIdle = reclaimIdle;
    this.defaultMaxTimeMs = defaultMaxTimeMs;
    this.maxDeliveries = maxDeliveries;
    this.clock = clock;
  }

  /**
   * Handles one delivery. Returns normally when the request is answered (or was already); throws a retryable
   * {@link EventHandlingException} to have it delivered again after the reclaim idle time.
   */
  void handle(ExecutionRequested request, Delivery delivery) {
    stages.mark(request.requestId(), Stage.PICKED_UP);
    CompletionMarker.State state = marker.begin(request.requestId(), delivery.id(), lease(request),
        events.publication(events.started(request.requestId(), request.userId(), delivery.consumer())));
    if (state instanceof CompletionMarker.State.Done done) {
      if (!done.entryId().equals(delivery.id())) {
        marker.republish(done.outcomePayload());
      }
      return;
    }
    if (state instanceof CompletionMarker.State.Running running) {
      throw EventHandlingException.retryable("request " + request.requestId() + " is held by the delivery of entry "
          + running.entryId() + " until it finishes or its lease runs out", null);
    }
    stages.mark(request.requestId(), Stage.BEGUN);
    execute(request, delivery);
  }

  private void execute(ExecutionRequested request, Delivery delivery) {
    String node = delivery.consumer();
    ModuleRunner.Ran ran;
    ProgressThrottle reports = progress.forExecution(request.requestId(), request.userId());
    try {
      ran = runner.run(request, reports);
    } catch (ModuleRunner.RetryLater e) {
      if (delivery.deliveryCount() < maxDeliveries) {
        marker.release(request.requestId(), delivery.id());
        throw EventHandlingException.retryable("delivery " + delivery.deliveryCount() + " of "
            + request.requestId() + ": " + e.getMessage(), e);
      }
      // RetryLater's message is written for the client: no class names, an internal error only by its reference.
      ran = ModuleRunner.Ran.failed(ExecutionFailure.INTERNAL_ERROR, "gave up after " + delivery.deliveryCount()
          + " deliveries: " + e.getMessage(), 0, 0);
    }
    stages.mark(request.requestId(), Stage.EXECUTED);
    if (reports.reportedAny()) {
      progress.flush(Duration.ofSeconds(1));
    }
    finish(request, delivery, node, ran);
  }

  private void finish(ExecutionRequested request, Delivery delivery, String node, ModuleRunner.Ran ran) {
    ExecutionCompleted outcome = new ExecutionCompleted(request.requestId(), request.cid(), request.userId(),
        request.sessionId(), ran.success(), ran.output(), ran.error(), ran.errorCode(), ran.gasUsed(),
        ran.durationMs(), clock.instant().toString(), node);
    EncodedEvent encoded = marker.encode(outcome);
    CompletionMarker.State instead = marker.finish(request.requestId(), delivery.id(), encoded,
        events.publication(events.finalEvent(outcome)));
    if (instead instanceof CompletionMarker.State.Begun) {
      stages.mark(request.requestId(), Stage.PUBLISHED);
      answerLocally(encoded);
    } else {
      // Its lease ran out while it ran and another delivery took the request over: that one answers for it.
      logger.warn("The outcome of " + request.requestId() + " from entry " + delivery.id() + " was not published: "
          + instead);
    }
  }

  /** The outcome is published: a listener's failure must not make the delivery look failed (it would be retried). */
  private void answerLocally(EncodedEvent outcome) {
    try {
      outcomes.published(outcome);
    } catch (RuntimeException e) {
      logger.warn("Could not hand a published outcome to this instance's waiters (the stream still will): " + e);
    }
  }

  /** Longer than the execution may take, so that a live holder is never overtaken. */
  private Duration lease(ExecutionRequested request) {
    long maxTime = request.policy() == null || request.policy().maxTime() <= 0 ? defaultMaxTimeMs
        : request.policy().maxTime();
    return Duration.ofMillis(maxTime).plus(reclaimIdle);
  }
}
