/**
 * Verified operator mode: the leader's RPC recording (every JSON-RPC request and response each WebAssembly step
 * saw, with the pinned blocks, under one SHA-256), its strict reading and hashing, the replaying handler that
 * answers a re-executed module from the recording only, and the comparison that answers {@code verified} or the
 * first divergence {@code {step, wasmId, field, expected, got}}.
 */
package io.wasmhive.workflow.verify;
