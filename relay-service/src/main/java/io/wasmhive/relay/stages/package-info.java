/**
 * The latency budget of {@code POST /intent/execute-wasm}, measured: {@link io.wasmhive.relay.stages.StageClock}
 * time-stamps a sample of requests at each stage (guards, enqueue, consumer pick-up, execution, result publication,
 * delivery to the HTTP thread, recording) and logs one line per sampled request, which
 * {@code scripts/bench/stage-summary.py} turns into the percentiles of {@code docs/benchmarks.md}. Off unless
 * {@code relay.stages.sample-every} is set.
 */
package io.wasmhive.relay.stages;
