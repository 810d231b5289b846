package io.wasmhive.procedure.derive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of derivations ({@code derivation.*}). Defaults live here and only here; validated when bound.
 *
 * @param defaults the per-message limits a derivation gets for what it does not declare
 * @param maxima the largest per-message limits a derivation may declare
 * @param maxResultRows the most rows one query (the reducer's or the API's) returns
 * @param maxResultBytes the most bytes of JSON one query returns
 * @param maxParams the most parameters one statement may have
 * @param maxMessageBytes the largest message (its compact JSON)
 * @param maxMessagesPerAppend the most messages one append request may carry
 * @param maxListLimit the most messages one read of the log returns
 * @param snapshotEvery a snapshot is stored after every this many messages
 * @param cacheMaxEntries how many derivations' live databases are kept in memory at most (each is ~32 MiB of heap
 *     on SQLite, plus its data)
 * @param verifyMaxMessages the most messages one verify request may replay
 * @param verifyMaxBytes the most message bytes one verify request may replay
 * @param sqlEngine the SQL engine new derivations get: {@code sqlite} (sqlite4j, the default) or {@code h2}
 */
@ConfigurationProperties("derivation")
public record DerivationProperties(
    @DefaultValue Defaults defaults,
    @DefaultValue Maxima maxima,
    @DefaultValue("1000") int maxResultRows,
    @DefaultValue("1MB") DataSize maxResultBytes,
    @DefaultValue("256") int maxParams,
    @DefaultValue("64KB") DataSize maxMessageBytes,
    @DefaultValue("1000") int maxMessagesPerAppend,
    @DefaultValue("1000") int maxListLimit,
    @DefaultValue("100") int snapshotEvery,
    @DefaultValue("16") int cacheMaxEntries,
    @DefaultValue("10000") int verifyMaxMessages,
    @DefaultValue("16MB") DataSize verifyMaxBytes,
    @DefaultValue("sqlite") String sqlEngine) {

  public DerivationProperties {
    require(maxResultRows > 0 && maxResultBytes.toBytes() > 0 && maxParams >= 0, "derivation result bounds");
    require(maxMessageBytes.toBytes() > 0 && maxMessagesPerAppend > 0 && maxListLimit > 0, "derivation message bounds");
    require(snapshotEvery > 0 && cacheMaxEntries > 0, "derivation.snapshot-every and cache-max-entries");
    require(verifyMaxMessages > 0 && verifyMaxBytes.toBytes() > 0, "derivation.verify-max-*");
    require("sqlite".equals(sqlEngine) || "h2".equals(sqlEngine), "derivation.sql-engine (sqlite or h2)");
    require(defaults.maxGas() <= maxima.maxGas() && defaults.maxTime().compareTo(maxima.maxTime()) <= 0
        && defaults.maxMemory().toBytes() <= maxima.maxMemory().toBytes()
        && defaults.maxDbBytes().toBytes() <= maxima.maxDbBytes().toBytes(),
        "derivation.defaults must lie within derivation.maxima");
  }

  /**
   * Per-message limits of a derivation that declares none.
   *
   * @param maxGas gas one message's reducer call may consume
   * @param maxTime wall-clock time one message may take
   * @param maxMemory the reducer's linear memory
   * @param maxDbBytes the largest canonical dump of the database after a message
   */
  public record Defaults(
      @DefaultValue("100000000") long maxGas,
      @DefaultValue("2s") Duration maxTime,
      @DefaultValue("16MB") DataSize maxMemory,
      @DefaultValue("16MB") DataSize maxDbBytes) {

    public Defaults {
      require(maxGas > 0 && maxTime.toMillis() > 0 && maxMemory.toBytes() > 0 && maxDbBytes.toBytes() > 0,
          "derivation.defaults must be positive");
    }
  }

  /**
   * The largest per-message limits a derivation may declare.
   *
   * @param maxGas gas one message's reducer call may consume
   * @param maxTime wall-clock time one message may take
   * @param maxMemory the reducer's linear memory
   * @param maxDbBytes the largest canonical dump of the database after a message
   */
  public record Maxima(
      @DefaultValue("10000000000") long maxGas,
      @DefaultValue("30s") Duration maxTime,
      @DefaultValue("256MB") DataSize maxMemory,
      @DefaultValue("256MB") DataSize maxDbBytes) {

    public Maxima {
      require(maxGas > 0 && maxTime.toMillis() > 0 && maxMemory.toBytes() > 0 && maxDbBytes.toBytes() > 0,
          "derivation.maxima must be positive");
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what + ": invalid value");
    }
  }
}
