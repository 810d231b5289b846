package io.wasmhive.procedure.derive;

import io.wasmhive.procedure.derive.engine.DerivationEngine;
import io.wasmhive.procedure.derive.engine.Outcome;
import io.wasmhive.procedure.derive.engine.Reducer;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.StateDump;
import io.wasmhive.procedure.derive.store.Derivation;
import io.wasmhive.procedure.derive.store.DerivationStore;
import io.wasmhive.procedure.derive.store.LoggedMessage;
import io.wasmhive.procedure.derive.store.Snapshot;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of messages to a live database (held by the caller), writes them to the log in order with their
 * hash chain, moves the head, and stores a snapshot when the batch crosses a multiple of {@code snapshotEvery}.
 * When another writer took one of the positions first, nothing of the batch counts: {@code CONFLICT}, and the
 * caller discards the live database. Blocks; not thread-safe per live database.
 */
final class Appender {

  private final DerivationStore store;
  private final DerivationEngine engine;
  private final int snapshotEvery;

  Appender(DerivationStore store, DerivationEngine engine, int snapshotEvery) {
    this.store = store;
    this.engine = engine;
    this.snapshotEvery = snapshotEvery;
  }

  List<LoggedMessage> append(Live live, List<byte[]> payloads) {
    Derivation head = live.head;
    Reducer reducer = new Reducer(head.reducerSha256(), head.reducer());
    List<LoggedMessage> logged = new ArrayList<>(payloads.size());
    Derivation next = head;
    for (byte[] payload : payloads) {
      Outcome outcome = engine.apply(reducer, head.limits(), live.db, payload);
      String hash = HashChain.next(next.chainHash(), payload);
      LoggedMessage m = new LoggedMessage(next.position() + 1, payload, next.chainHash(), hash, outcome.applied(),
          outcome.reason(), outcome.stateHash());
      logged.add(m);
      next = next.advanced(m.position(), m.stateHash(), hash, next.applied() + (m.applied() ? 1 : 0),
          next.rejected() + (m.applied() ? 0 : 1));
    }
    if (!store.append(head.id(), logged)) {
      throw new ProcedureException(ErrorCode.CONFLICT,
          "another request appended to derivation " + head.name() + " at the same time; send the messages again");
    }
    store.advance(next);
    live.head = next;
    if (next.position() / snapshotEvery > head.position() / snapshotEvery) {
      StateDump.Result dump = dump(live.db);
      store.saveSnapshot(head.id(), new Snapshot(next.position(), dump.bytes(), dump.sha256()));
    }
    return logged;
  }

  static StateDump.Result dump(DerivationDatabase db) {
    try {
      return db.dump();
    } catch (SQLException e) {
      throw new IllegalStateException("dumping the derivation's database failed", e);
    }
  }
}
