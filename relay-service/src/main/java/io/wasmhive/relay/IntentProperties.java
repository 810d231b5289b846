package io.wasmhive.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code POST /intent/execute-wasm} ({@code relay.intent.*}).
 *
 * @param enabled whether this instance serves the intent API (also off in {@code relay.mode=worker})
 * @param maxBodyBytes largest request body accepted; past it a 413
 * @param defaults the policy applied to values a request leaves out
 * @param maxima the largest policy a request may ask for; past it a 400
 * @param executionSlack added to {@code max_time} for the time a synchronous request waits for its result
 *     (queueing, transport, compile)
 * @param resolveWait how long module resolution may wait for the indexer to fetch a missing CID
 * @param duplicatePoll how often a request that found an identical one in flight checks for its result
 */
@ConfigurationProperties("relay.intent")
public record IntentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1048576") int maxBodyBytes,
    @DefaultValue Defaults defaults,
    @DefaultValue Maxima maxima,
    @DefaultValue("2s") Duration executionSlack,
    @DefaultValue("5s") Duration resolveWait,
    @DefaultValue("20ms") Duration duplicatePoll) {

  public IntentProperties {
    if (maxBodyBytes < 64) {
      throw new IllegalArgumentException("relay.intent.max-body-bytes must be at least 64, was " + maxBodyBytes);
    }
    Limits low = defaults.limits();
    Limits high = maxima.limits();
    if (low.maxMemory() > high.maxMemory() || low.maxGas() > high.maxGas() || low.maxTime() > high.maxTime()) {
      throw new IllegalArgumentException("relay.intent.defaults must not exceed relay.intent.maxima: "
          + low + " > " + high);
    }
  }

  /**
   * The policy applied to values a request leaves out: 16 MiB, 10^9 gas, 5000 ms.
   *
   * @param maxMemory bytes of linear memory
   * @param maxGas gas units
   * @param maxTime milliseconds
   */
  public record Defaults(
      @DefaultValue("16777216") long maxMemory,
      @DefaultValue("1000000000") long maxGas,
      @DefaultValue("5000") long maxTime) {

    public Limits limits() {
      return new Limits(maxMemory, maxGas, maxTime);
    }
  }

  /**
   * The largest policy a request may ask for: 256 MiB, 10^10 gas, 30000 ms.
   *
   * @param maxMemory bytes of linear memory
   * @param maxGas gas units
   * @param maxTime milliseconds
   */
  public record Maxima(
      @DefaultValue("268435456") long maxMemory,
      @DefaultValue("10000000000") long maxGas,
      @DefaultValue("30000") long maxTime) {

    public Limits limits() {
      return new Limits(maxMemory, maxGas, maxTime);
    }
  }

  /**
   * A policy triple, in the seed's units.
   *
   * @param maxMemory bytes
   * @param maxGas gas units
   * @param maxTime milliseconds
   */
  public record Limits(long maxMemory, long maxGas, long maxTime) {

    public Limits {
      if (maxMemory < 1 || maxGas < 1 || maxTime < 1) {
        throw new IllegalArgumentException("policy limits must be positive, were " + maxMemory + ", " + maxGas
            + ", " + maxTime);
      }
    }
  }
}
