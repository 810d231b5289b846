package io.wasmhive.procedure.derive.store;

import io.wasmhive.procedure.derive.engine.MessageLimits;
import io.wasmhive.procedure.derive.sql.SqlEngines;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A derivation as stored in {@code derivations}; the id is {@code database:name}. */
@Document("derivations")
record DerivationDocument(
    @Id String id,
    String database,
    String name,
    String tenant,
    String owner,
    @Field("reducer_sha256") String reducerSha256,
    byte[] reducer,
    String schema,
    LimitsDocument limits,
    long position,
    @Field("state_hash") String stateHash,
    @Field("chain_hash") String chainHash,
    long applied,
    long rejected,
    @Field("created_at") Instant createdAt,
    @Field("sql_engine") String sqlEngine,
    @Field("sql_engine_version") String sqlEngineVersion) {

  static DerivationDocument of(Derivation d) {
    MessageLimits l = d.limits();
    return new DerivationDocument(d.id(), d.database(), d.name(), d.tenant(), d.owner(), d.reducerSha256(),
        d.reducer(), d.schema(), new LimitsDocument(l.maxGas(), l.maxTimeMs(), l.maxMemory(), l.maxDbBytes()),
        d.position(), d.stateHash(), d.chainHash(), d.applied(), d.rejected(), d.createdAt(),
        d.sqlEngine(), d.sqlEngineVersion());
  }

  Derivation toDerivation() {
    return new Derivation(database, name, tenant, owner, reducerSha256, reducer, schema,
        MongoDerivationStore.limits(limits), position, stateHash, chainHash, applied, rejected, createdAt,
        sqlEngine == null ? SqlEngines.LEGACY : sqlEngine, sqlEngineVersion);
  }

  record LimitsDocument(@Field("max_gas") long maxGas, @Field("max_time_ms") long maxTimeMs,
      @Field("max_memory") long maxMemory, @Field("max_db_bytes") long maxDbBytes) {
  }
}
