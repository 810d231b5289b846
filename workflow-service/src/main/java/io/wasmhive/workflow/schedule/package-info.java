/**
 * Scheduling what a workflow declares for time: {@code cron} and {@code time} triggers, {@code interval},
 * {@code count}, {@code validAfter} and {@code validUntil} ({@link io.wasmhive.workflow.schedule.SchedulePlan}),
 * kept in MongoDB ({@code workflow_schedules}) and fired by the one instance holding a Redis lease, each due time
 * once (a conditional update); pause, resume and cancel ({@code POST /workflows/{id}/pause|resume|cancel},
 * {@code GET /workflows/{id}/schedule}). {@code event} and {@code onchain} triggers are not scheduled here.
 */
package io.wasmhive.workflow.schedule;
