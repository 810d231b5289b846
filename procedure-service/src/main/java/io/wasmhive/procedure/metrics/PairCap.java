package io.wasmhive.procedure.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bound on the (procedure, database) pairs with call meters of their own ({@code procedure.metrics-max-procedures}):
 * every metered pair holds a timer with a percentile histogram (a few KiB) for as long as it is admitted, so without
 * it the meters would grow with every procedure ever called. The first {@code max} pairs keep their procedure tag;
 * the calls of further pairs are metered with the procedure {@value ProcedureMetrics#OTHER}. A dropped procedure's
 * pair is released. Thread-safe; the admitted pairs are at most {@code max}.
 */
public final class PairCap implements MeterFilter {

  private final int max;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  PairCap(int max) {
    this.max = max;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith("procedure.call")) {
      return id;
    }
    String procedure = id.getTag("procedure");
    if (procedure == null || ProcedureMetrics.OTHER.equals(procedure)) {
      return id;
    }
    String pair = key(procedure, id.getTag("database"));
    if (admitted.contains(pair) || admit(pair)) {
      return id;
    }
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      tags.add(tag.getKey().equals("procedure") ? Tag.of("procedure", ProcedureMetrics.OTHER) : tag);
    }
    return id.replaceTags(tags);
  }

  /** Frees the pair's place; its meters must have left the registry first. */
  void release(String procedure, String database) {
    synchronized (admitted) {
      admitted.remove(key(procedure, database));
    }
  }

  /** How many pairs are admitted. */
  int admitted() {
    return admitted.size();
  }

  private boolean admit(String pair) {
    if (admitted.size() >= max) {
      return false;
    }
    synchronized (admitted) {
      return admitted.size() < max && admitted.add(pair);
    }
  }

  private static String key(String procedure, String database) {
    return procedure + '\u0000' + database;
  }
}
