package io.wasmhive.procedure.derive;

import io.wasmhive.platform.errors.InternalErrors;
import io.wasmhive.procedure.derive.engine.DerivationEngine;
import io.wasmhive.procedure.derive.engine.Outcome;
import io.wasmhive.procedure.derive.engine.Reducer;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.SqlBounds;
import io.wasmhive.procedure.derive.sql.SqlEngines;
import io.wasmhive.procedure.derive.sql.SqlRefusedException;
import io.wasmhive.procedure.derive.store.Derivation;
import io.wasmhive.procedure.derive.store.DerivationStore;
import io.wasmhive.procedure.derive.store.LoggedMessage;
import io.wasmhive.procedure.derive.store.Snapshot;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a derivation's database to the end of its log: from the latest snapshot whose restored hash matches the
 * log (a snapshot that does not is deleted), or from the schema, then the logged messages after it. Rejected
 * messages changed nothing and are skipped; each applied one must give the logged state hash again, or the
 * replay has diverged (an internal error: determinism is broken). Blocks on MongoDB and the executor.
 */
final class Loader {

  private static final Logger log = LoggerFactory.getLogger(Loader.class);
  private static final int PAGE = 500;

  private final DerivationStore store;
  private final DerivationEngine engine;
  private final SqlEngines sql;
  private final SqlBounds bounds;

  Loader(DerivationStore store, DerivationEngine engine, SqlEngines sql, SqlBounds bounds) {
    this.store = store;
    this.engine = engine;
    this.sql = sql;
    this.bounds = bounds;
  }

  SqlBounds bounds() {
    return bounds;
  }

  /** A new live database for {@code d} at the end of its log. */
  Live load(Derivation d) {
    Optional<Snapshot> snapshot = usableSnapshot(d);
    DerivationDatabase db = snapshot.map(s -> restored(d, s)).orElse(null);
    long from = db == null ? 0 : snapshot.get().position();
    if (db == null) {
      db = DerivationDatabase.create(sql.of(d.sqlEngine()), d.schema(), bounds);
    }
    try {
      Live live = new Live(db, headAt(d, from));
      catchUp(live);
      return live;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Applies the logged messages after the live head, and moves the head to the log's end. */
  void catchUp(Live live) {
    Derivation head = live.head;
    while (true) {
      List<LoggedMessage> page = store.messages(head.id(), head.position() + 1, PAGE);
      for (LoggedMessage m : page) {
        head = replayed(head, live.db, m);
      }
      live.head = head;
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private Derivation replayed(Derivation head, DerivationDatabase db, LoggedMessage m) {
    if (m.applied()) {
      Reducer reducer = new Reducer(head.reducerSha256(), head.reducer());
      Outcome outcome = engine.apply(reducer, head.limits(), db, m.payload());
      if (!outcome.applied() || !outcome.stateHash().equals(m.stateHash())) {
        throw new ProcedureException(ErrorCode.INTERNAL_ERROR, InternalErrors.logged("The replay of derivation "
            + head.id() + " diverged from its log at position " + m.position(), new IllegalStateException(
            "logged " + m.stateHash() + ", replayed " + outcome)));
      }
    }
    return head.advanced(m.position(), m.stateHash(), m.hash(), head.applied() + (m.applied() ? 1 : 0),
        head.rejected() + (m.applied() ? 0 : 1));
  }

  /** The latest snapshot whose hash is the logged state hash at its position. */
  private Optional<Snapshot> usableSnapshot(Derivation d) {
    Optional<Snapshot> snapshot = store.latestSnapshot(d.id(), Long.MAX_VALUE);
    if (snapshot.isEmpty()) {
      return snapshot;
    }
    Snapshot s = snapshot.get();
    List<LoggedMessage> at = store.messages(d.id(), s.position(), 1);
    if (!at.isEmpty() && at.get(0).position() == s.position() && at.get(0).stateHash().equals(s.stateHash())) {
      return snapshot;
    }
    discard(d, s);
    return Optional.empty();
  }

  /** The snapshot's database, or {@code null} (and the snapshot deleted) when it does not restore to its hash. */
  private DerivationDatabase restored(Derivation d, Snapshot s) {
    DerivationDatabase db = null;
    try {
      db = DerivationDatabase.restore(sql.of(d.sqlEngine()), d.schema(), bounds, s.dump());
      if (db.measure().sha256().equals(s.stateHash())) {
        return db;
      }
    } catch (SqlRefusedException | SQLException e) {
      log.debug("Snapshot {} of {} does not restore", s.position(), d.id(), e);
    }
    if (db != null) {
      db.close();
    }
    discard(d, s);
    return null;
  }

  private void discard(Derivation d, Snapshot s) {
    log.warn("Deleting snapshot {} of derivation {}: it does not match its log", s.position(), d.id());
    store.deleteSnapshot(d.id(), s.position());
  }

  /** The head after message {@code position}, counts included (0: the empty log). */
  private Derivation headAt(Derivation d, long position) {
    if (position == 0) {
      return d.advanced(0, emptyHash(d), Derivation.GENESIS, 0, 0);
    }
    LoggedMessage m = store.messages(d.id(), position, 1).get(0);
    long applied = store.countApplied(d.id(), position);
    return d.advanced(position, m.stateHash(), m.hash(), applied, position - applied);
  }

  /** The state hash of the schema alone. */
  String emptyHash(Derivation d) {
    try (DerivationDatabase db = DerivationDatabase.create(sql.of(d.sqlEngine()), d.schema(), bounds)) {
      return db.measure().sha256();
    } catch (SQLException e) {
      throw new IllegalStateException("measuring an empty database failed", e);
    }
  }
}
