package io.wasmhive.procedure.derive;

import io.wasmhive.executor.DatabaseException;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.procedure.catalog.Names;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.derive.engine.DerivationEngine;
import io.wasmhive.procedure.derive.engine.MessageLimits;
import io.wasmhive.procedure.derive.engine.Reducer;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.SqlBounds;
import io.wasmhive.procedure.derive.sql.SqlEngine;
import io.wasmhive.procedure.derive.sql.SqlEngines;
import io.wasmhive.procedure.derive.sql.SqlRefusedException;
import io.wasmhive.procedure.derive.sql.StateDump;
import io.wasmhive.procedure.derive.store.Derivation;
import io.wasmhive.procedure.derive.store.DerivationStore;
import io.wasmhive.procedure.derive.store.LoggedMessage;
import io.wasmhive.procedure.derive.store.Snapshot;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.tenancy.Namespaces;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;

/**
 * Derivations for the API: create, append, read, query, snapshot and import, namespaced by database and checked
 * against the caller's tenant. A derivation's live database stays in memory ({@link LiveCache}); appends and
 * queries of one derivation run one at a time in this instance (a striped lock), different derivations mostly in
 * parallel; across instances the store's position-keyed log refuses the second writer ({@code CONFLICT}). Blocks on MongoDB and the
 * executor; thread-safe.
 */
@Service
public class Derivations {

  private final DerivationStore store;
  private final WasmExecutor executor;
  private final Namespaces namespaces;
  private final DerivationProperties properties;
  private final LimitsResolver limits;
  private final long maxModuleBytes;
  private final SqlEngines sql;
  private final Loader loader;
  private final Appender appender;
  private final LiveCache cache;
  private final ReentrantLock[] stripes = new ReentrantLock[256];

  Derivations(DerivationStore store, DerivationEngine engine, SqlEngines sql, WasmExecutor executor,
      Namespaces namespaces, DerivationProperties properties, ProcedureProperties procedures) {
    this.store = store;
    this.executor = executor;
    this.namespaces = namespaces;
    this.properties = properties;
    this.limits = new LimitsResolver(properties);
    this.maxModuleBytes = procedures.maxModuleSize().toBytes();
    this.sql = sql;
    this.loader = new Loader(store, engine, sql, bounds(properties));
    this.appender = new Appender(store, engine, properties.snapshotEvery());
    this.cache = new LiveCache(properties.cacheMaxEntries());
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  static SqlBounds bounds(DerivationProperties p) {
    return new SqlBounds(p.maxResultRows(), (int) Math.min(Integer.MAX_VALUE, p.maxResultBytes().toBytes()),
        p.maxParams(), 64 * 1024);
  }

  /** Creates a derivation with an empty log; the first create in a database claims it for the caller's tenant. */
  public Derivation create(Caller caller, String database, String name, byte[] wasm, String schema, LimitsSpec spec) {
    Names.requireName("name", name);
    if (schema == null || schema.isBlank()) {
      throw bad("schema is required: the SQL DDL (CREATE TABLE ...) of the derivation's database");
    }
    MessageLimits resolved = limits.resolve(spec);
    namespaces.requireUse(caller, database);
    if (store.find(database, name).isPresent()) {
      throw new ProcedureException(ErrorCode.ALREADY_EXISTS, "derivation already exists: " + name);
    }
    Reducer reducer = ReducerCheck.check(executor, wasm, maxModuleBytes, resolved.maxMemory());
    SqlEngine engine = sql.configured();
    String emptyHash = emptyHash(engine, schema);
    String tenant = namespaces.claim(caller, database);
    Derivation d = new Derivation(database, name, tenant, caller.principal(), reducer.moduleSha256(), wasm, schema,
        resolved, 0, emptyHash, Derivation.GENESIS, 0, 0, Instant.now(), engine.name(), engine.version());
    if (!store.insert(d)) {
      throw new ProcedureException(ErrorCode.ALREADY_EXISTS, "derivation already exists: " + name);
    }
    return d;
  }

  private String emptyHash(SqlEngine engine, String schema) {
    try (DerivationDatabase db = DerivationDatabase.create(engine, schema, loader.bounds())) {
      return db.measure().sha256();
    } catch (SqlRefusedException e) {
      throw bad("schema refused: " + e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("measuring an empty database failed", e);
    }
  }

  /** Appends messages (each the compact JSON the reducer receives) and applies them; answers their records. */
  public List<LoggedMessage> append(Caller caller, String database, String name, List<byte[]> payloads) {
    if (payloads.isEmpty()) {
      throw bad("messages: send one JSON message or a non-empty array of them");
    }
    if (payloads.size() > properties.maxMessagesPerAppend()) {
      throw new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE, "one request may append at most "
          + properties.maxMessagesPerAppend() + " messages, got " + payloads.size());
    }
    for (byte[] payload : payloads) {
      if (payload.length > properties.maxMessageBytes().toBytes()) {
        throw new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE, "a message may have at most "
            + properties.maxMessageBytes().toBytes() + " bytes of JSON, got " + payload.length);
      }
    }
    Derivation d = find(caller, database, name);
    return withLive(d, true, live -> appender.append(live, payloads));
  }

  /** The derivation as stored (its position and counts are those of the last completed append). */
  public Derivation get(Caller caller, String database, String name) {
    return find(caller, database, name);
  }

  /** A read-only query on the derivation's current state; answers the rows as JSON. */
  public byte[] query(Caller caller, String database, String name, String statement, byte[] params) {
    if (statement == null || statement.isBlank()) {
      throw bad("sql is required: one read-only SELECT");
    }
    Derivation d = find(caller, database, name);
    return withLive(d, false, live -> {
      try {
        return live.db.query(statement, params, Duration.ofMillis(live.head.limits().maxTimeMs()));
      } catch (DatabaseException e) {
        throw queryError(e);
      }
    });
  }

  /** Up to {@code limit} logged messages from position {@code from}; {@code null} is the most one read returns. */
  public List<LoggedMessage> messages(Caller caller, String database, String name, long from, Integer requested) {
    int limit = requested == null ? properties.maxListLimit() : requested;
    if (from < 1) {
      throw bad("from must be at least 1, got " + from);
    }
    if (limit < 1 || limit > properties.maxListLimit()) {
      throw bad("limit must be between 1 and " + properties.maxListLimit() + ", got " + limit);
    }
    Derivation d = find(caller, database, name);
    return store.messages(d.id(), from, limit);
  }

  /** The current state as a snapshot (position, dump, hash). */
  public Snapshot snapshot(Caller caller, String database, String name) {
    Derivation d = find(caller, database, name);
    return withLive(d, false, live -> {
      StateDump.Result dump = Appender.dump(live.db);
      return new Snapshot(live.head.position(), dump.bytes(), dump.sha256());
    });
  }

  /**
   * Stores a snapshot given by a client after checking it: its position is in the log, its hash is the log's state
   * hash there, its engine (when declared) is the derivation's, and its dump restores to that hash. Instances
   * then start from it instead of replaying. Answers the derivation's engine.
   */
  public String importSnapshot(Caller caller, String database, String name, Snapshot snapshot, String engine) {
    Derivation d = find(caller, database, name);
    if (engine != null && !engine.equals(d.sqlEngine())) {
      throw bad("the snapshot is of a " + engine + " database; derivation " + name + " runs on " + d.sqlEngine());
    }
    List<LoggedMessage> at = snapshot.position() < 1 ? List.of() : store.messages(d.id(), snapshot.position(), 1);
    if (at.isEmpty() || at.get(0).position() != snapshot.position()) {
      throw bad("position " + snapshot.position() + " is not in the log (1 to " + store.lastPosition(d.id()) + ")");
    }
    if (!at.get(0).stateHash().equals(snapshot.stateHash())) {
      throw bad("state_hash does not match the log's state hash at position " + snapshot.position());
    }
    try (DerivationDatabase db = DerivationDatabase.restore(sql.of(d.sqlEngine()), d.schema(), loader.bounds(),
        snapshot.dump())) {
      if (!db.measure().sha256().equals(snapshot.stateHash())) {
        throw bad("the dump does not hash to state_hash");
      }
    } catch (SqlRefusedException e) {
      throw bad(e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("measuring a restored database failed", e);
    }
    store.saveSnapshot(d.id(), snapshot);
    return d.sqlEngine();
  }

  /** How many live databases are in memory (tests and metrics). */
  public int liveCount() {
    return cache.size();
  }

  private Derivation find(Caller caller, String database, String name) {
    Names.requireName("name", name);
    namespaces.requireUse(caller, database);
    return store.find(database, name)
        .orElseThrow(() -> new ProcedureException(ErrorCode.NOT_FOUND, "derivation not found: " + name));
  }

  interface LiveBody<T> {
    T apply(Live live);
  }

  /**
   * Runs {@code body} on the derivation's live database, locked and caught up with the log; a failure discards it
   * when {@code discardOnFailure} (an append may have applied what was not logged) or when it is not the client's.
   */
  private <T> T withLive(Derivation d, boolean discardOnFailure, LiveBody<T> body) {
    // One writer per derivation in this instance, loading included: without it two requests that both miss the
    // cache would each load a database and append at the same position (the store would refuse one of them).
    ReentrantLock stripe = stripes[Math.floorMod(d.id().hashCode(), stripes.length)];
    stripe.lock();
    try {
      Live live = locked(d);
      boolean keep = false;
      try {
        loader.catchUp(live);
        if (live.head.position() > d.position()) {
          // Messages a writer logged without moving the head (it failed in between) are adopted here.
          store.advance(live.head);
        }
        T result = body.apply(live);
        keep = true;
        return result;
      } catch (ProcedureException e) {
        keep = !discardOnFailure && e.code().status() < 500;
        throw e;
      } finally {
        if (!keep) {
          cache.discard(d.id(), live);
        }
        live.release();
      }
    } finally {
      stripe.unlock();
    }
  }

  /** The derivation's live database, locked; loaded on a miss, or again when another's load evicted it meanwhile. */
  private Live locked(Derivation d) {
    while (true) {
      Live live = cache.get(d.id());
      if (live == null) {
        live = loader.load(d);
        cache.put(d.id(), live);
      }
      live.lock.lock();
      if (!live.retired()) {
        return live;
      }
      live.release();
    }
  }

  private static ProcedureException queryError(DatabaseException e) {
    ErrorCode code = e.code() == DatabaseException.LIMIT ? ErrorCode.OUTPUT_LIMIT : ErrorCode.BAD_REQUEST;
    String kind = switch (e.code()) {
      case DatabaseException.REFUSED -> "refused";
      case DatabaseException.LIMIT -> "limit";
      case DatabaseException.BAD_PARAMS -> "bad params";
      default -> "SQL error";
    };
    return new ProcedureException(code, kind + ": " + e.getMessage());
  }

  private static ProcedureException bad(String message) {
    return new ProcedureException(ErrorCode.BAD_REQUEST, message);
  }
}
