package io.wasmhive.relay.stages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the stage clock, under {@code relay.stages}; the default lives in the annotation below.
 *
 * @param sampleEvery time-stamp one request in this many (0: none, the default), 0 to 1,000,000; each sampled
 *     request logs one line at INFO on the logger {@code io.wasmhive.relay.stages}
 */
@ConfigurationProperties("relay.stages")
public record StageProperties(@DefaultValue("0") int sampleEvery) {

  public StageProperties {
    if (sampleEvery < 0 || sampleEvery > 1_000_000) {
      throw new IllegalArgumentException("relay.stages.sample-every must be between 0 and 1000000, was "
          + sampleEvery);
    }
  }
}
