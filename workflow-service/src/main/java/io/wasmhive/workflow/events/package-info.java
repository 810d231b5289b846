/**
 * Live run events: {@link io.wasmhive.workflow.events.RunEventPublisher} (a run listener) publishes
 * {@code run_started}, {@code step_started}, {@code step_finished} and {@code run_finished} on
 * {@code workflow_run_events}; every instance follows that stream with platform-infra's SSE channel and serves it at
 * {@code GET /runs/{id}/events} and {@code GET /workflows/{id}/events}, resumable with {@code Last-Event-ID} on any
 * instance. {@link io.wasmhive.workflow.events.RunMetrics} keeps the {@code workflow_run_*} meters.
 */
package io.wasmhive.workflow.events;
