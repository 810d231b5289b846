package io.wasmhive.procedure.store;

import io.wasmhive.executor.ValueType;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A procedure as stored in the {@code procedures} collection. The id is {@code database + ":" + name}, which
 * keeps (database, name) unique on any MongoDB without relying on a compound index; neither part may
 * contain a colon (the API's name rules exclude it).
 */
@Document("procedures")
record ProcedureDocument(
    @Id String id,
    String database,
    String name,
    String language,
    List<ParamDocument> params,
    @Field("return_type") DataType returnType,
    String description,
    String export,
    @Field("export_params") List<ValueType> exportParams,
    @Field("export_result") ValueType exportResult,
    @Field("module_sha256") String moduleSha256,
    @Field("module_size") int moduleSize,
    LimitsDocument limits,
    long version,
    @Field("created_at") Instant createdAt,
    @Field("updated_at") Instant updatedAt,
    String tenant,
    String owner) {

  static String id(String database, String name) {
    return database + ":" + name;
  }

  static ProcedureDocument of(Procedure p) {
    List<ParamDocument> params = p.params().stream().map(x -> new ParamDocument(x.name(), x.dataType())).toList();
    Limits l = p.limits();
    return new ProcedureDocument(id(p.database(), p.name()), p.database(), p.name(), p.language(), params,
        p.returnType(), p.description(), p.export(), p.exportParams(), p.exportResult(), p.moduleSha256(),
        p.moduleSize(), new LimitsDocument(l.maxMemory(), l.maxTimeMs(), l.maxGas()), p.version(), p.createdAt(),
        p.updatedAt(), p.tenant(), p.owner());
  }

  Procedure toProcedure() {
    List<Param> ps = params.stream().map(x -> new Param(x.name(), x.dataType())).toList();
    return new Procedure(database, name, language, ps, returnType, description, export, exportParams, exportResult,
        moduleSha256, moduleSize, new Limits(limits.maxMemory(), limits.maxTimeMs(), limits.maxGas()), version,
        createdAt, updatedAt, tenant, owner);
  }

  record ParamDocument(String name, @Field("data_type") DataType dataType) {
  }

  record LimitsDocument(@Field("max_memory") long maxMemory, @Field("max_time_ms") long maxTimeMs,
      @Field("max_gas") long maxGas) {
  }
}
