package io.wasmhive.procedure.derive.store;

import java.util.List;
import java.util.Optional;

/** Where derivations, their logs and snapshots are kept. Implementations are thread-safe and block on I/O. */
public interface DerivationStore {

  /** Stores a new derivation; {@code false} when one of that name exists in its database. */
  boolean insert(Derivation derivation);

  Optional<Derivation> find(String database, String name);

  /**
   * Writes messages at their positions, in order; {@code false} when a position is taken already (another writer
   * appended first), in which case the messages before it in the list are written and those from it on are not.
   */
  boolean append(String derivationId, List<LoggedMessage> messages);

  /** Moves the derivation's position and counts forward to {@code updated}'s; never backwards. */
  void advance(Derivation updated);

  /** Up to {@code limit} messages from position {@code from} on, in order. */
  List<LoggedMessage> messages(String derivationId, long from, int limit);

  /** The position of the last message written, 0 when none. */
  long lastPosition(String derivationId);

  /** How many of the messages at positions 1 to {@code upTo} were applied. */
  long countApplied(String derivationId, long upTo);

  void saveSnapshot(String derivationId, Snapshot snapshot);

  /** The snapshot with the highest position at or below {@code atMost}. */
  Optional<Snapshot> latestSnapshot(String derivationId, long atMost);

  void deleteSnapshot(String derivationId, long position);
}
