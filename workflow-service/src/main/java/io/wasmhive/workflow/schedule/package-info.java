/**
 * Scheduling what a workflow declares: {@code cron} and {@code time} triggers, {@code interval}, {@code count},
 * {@code validAfter} and {@code validUntil} ({@link io.wasmhive.workflow.schedule.SchedulePlan}), kept in MongoDB
 * ({@code workflow_schedules}) and fired by the one instance holding a Redis lease, each due time once (a
 * conditional update); {@code event} triggers (each matching log once) and {@code onchain} triggers (a polled
 * contract read) watched under the same lease on the shared chain watcher of platform-infra, with cursors in
 * {@code workflow_trigger_cursors} and one firing record per log or read in {@code workflow_trigger_firings}; pause,
 * resume and cancel ({@code POST /workflows/{id}/pause|resume|cancel}, {@code GET /workflows/{id}/schedule}).
 */
package io.wasmhive.workflow.schedule;
