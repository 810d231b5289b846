package io.wasmhive.procedure.derive.store;

import io.wasmhive.procedure.derive.engine.MessageLimits;
import java.time.Instant;

/**
 * A derivation: a reducer and a schema over an append-only message log, and where its state stands.
 *
 * @param database the {@code X-Mindb-Database} namespace
 * @param name the derivation's name, unique in its database
 * @param tenant the tenant that owns the database
 * @param owner the principal that created it
 * @param reducerSha256 the reducer module's SHA-256 (hex)
 * @param reducer the reducer module's bytes
 * @param schema the schema DDL as given
 * @param limits the limits of each message
 * @param position the position of the last message in the log (0: none); positions start at 1
 * @param stateHash the state hash after the last message
 * @param chainHash the hash chain's head: the last message's hash (64 zeros when the log is empty)
 * @param applied how many messages were applied
 * @param rejected how many messages were rejected
 * @param createdAt when it was created
 * @param sqlEngine the SQL engine its database runs on, for life ({@code sqlite}, {@code h2})
 * @param sqlEngineVersion that engine's version when the derivation was created
 */
public record Derivation(String database, String name, String tenant, String owner, String reducerSha256,
    byte[] reducer, String schema, MessageLimits limits, long position, String stateHash, String chainHash,
    long applied, long rejected, Instant createdAt, String sqlEngine, String sqlEngineVersion) {

  /** The chain hash before the first message. */
  public static final String GENESIS = "0".repeat(64);

  /** The store's key of the derivation: {@code database:name} (neither part may contain a colon). */
  public String id() {
    return id(database, name);
  }

  public static String id(String database, String name) {
    return database + ":" + name;
  }

  /** This derivation after {@code more} messages, the last of which left the given hashes. */
  public Derivation advanced(long position, String stateHash, String chainHash, long applied, long rejected) {
    return new Derivation(database, name, tenant, owner, reducerSha256, reducer, schema, limits, position, stateHash,
        chainHash, applied, rejected, createdAt, sqlEngine, sqlEngineVersion);
  }
}
