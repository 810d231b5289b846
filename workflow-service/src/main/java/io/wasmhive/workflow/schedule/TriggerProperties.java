package io.wasmhive.workflow.schedule;

import io.wasmhive.platform.chainwatch.LogWatcher;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code event} triggers are watched ({@code workflow.schedule.events.*}); the chains' endpoints are
 * {@code workflow.chain.endpoints} and the {@code RPC_URL_<chainId>} variables, never the workflow.
 *
 * @param enabled whether this instance takes part in watching (only the holder of the schedule lease watches)
 * @param pollInterval the pause between two polls
 * @param confirmations how many blocks must follow a log's block before it fires a workflow
 * @param maxBlockRange the most blocks one {@code eth_getLogs} request covers
 * @param maxRangesPerPoll the most requests one poll makes per trigger (the rest waits for the next poll)
 * @param batch the most workflows one poll looks at
 * @param maxBackoff the longest pause before a chain that failed is asked again; pauses double from
 *     {@code pollInterval} up to it
 */
@ConfigurationProperties("workflow.schedule.events")
record TriggerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("1") int confirmations,
    @DefaultValue("1000") int maxBlockRange,
    @DefaultValue("10") int maxRangesPerPoll,
    @DefaultValue("500") int batch,
    @DefaultValue("30s") Duration maxBackoff) {

  TriggerProperties {
    if (pollInterval.toMillis() < 10) {
      throw new IllegalArgumentException("workflow.schedule.events.poll-interval must be at least 10ms, was "
          + pollInterval);
    }
    if (confirmations < 0 || confirmations > 1000) {
      throw new IllegalArgumentException("workflow.schedule.events.confirmations must be 0-1000, was "
          + confirmations);
    }
    if (maxBlockRange < 1 || maxBlockRange > LogWatcher.MAX_BLOCK_RANGE_LIMIT) {
      throw new IllegalArgumentException("workflow.schedule.events.max-block-range must be 1-"
          + LogWatcher.MAX_BLOCK_RANGE_LIMIT + ", was " + maxBlockRange);
    }
    if (maxRangesPerPoll < 1) {
      throw new IllegalArgumentException("workflow.schedule.events.max-ranges-per-poll must be at least 1");
    }
    if (batch < 1 || batch > 10_000) {
      throw new IllegalArgumentException("workflow.schedule.events.batch must be 1-10000, was " + batch);
    }
    if (maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("workflow.schedule.events.max-backoff must not be below poll-interval");
    }
  }
}
