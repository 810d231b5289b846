package io.wasmhive.procedure.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON bodies of the API, named as in seed 003. */
final class ApiModel {

  private ApiModel() {
  }

  @Schema(description = "A procedure to create (seed 003)", example = """
      {"name": "calculate_discount", "language": "wasm", "wasm_base64": "AGFzbQEAAAAB...",
       "params": [{"name": "price", "data_type": "FLOAT"}, {"name": "tier", "data_type": "INT"}],
       "return_type": "FLOAT"}""")
  record CreateRequest(String name, String language, @JsonProperty("wasm_base64") String wasmBase64,
      List<ParamJson> params, @JsonProperty("return_type") String returnType, String description, String entry,
      Boolean replace, LimitsJson limits) {
  }

  @Schema(description = "The arguments, in the order of the procedure's params", example = "{\"args\": [100.0, 2]}")
  record CallRequest(List<JsonNode> args) {
  }

  record ParamJson(String name, @JsonProperty("data_type") String dataType) {

    static List<ParamJson> of(List<Param> params) {
      return params.stream().map(p -> new ParamJson(p.name(), p.dataType().name())).toList();
    }
  }

  record LimitsJson(@JsonProperty("max_memory") Long maxMemory, @JsonProperty("max_time_ms") Long maxTimeMs,
      @JsonProperty("max_gas") Long maxGas) {

    static LimitsJson of(Limits limits) {
      return new LimitsJson(limits.maxMemory(), limits.maxTimeMs(), limits.maxGas());
    }
  }

  record MessageResponse(String name, String message, @JsonProperty("latency_ms") double latencyMs) {
  }

  record CallResponse(Object result, @JsonProperty("latency_ms") double latencyMs) {
  }

  record ListResponse(List<Summary> procedures, int count, @JsonProperty("latency_ms") double latencyMs) {
  }

  /** A procedure as listed: exactly the fields of seed 003's list response. */
  record Summary(String name, String language, List<ParamJson> params, @JsonProperty("return_type") String returnType,
      String description, @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt) {

    static Summary of(Procedure p) {
      return new Summary(p.name(), p.language(), ParamJson.of(p.params()), returnTypeOf(p), descriptionOf(p),
          timestamp(p.createdAt()), timestamp(p.updatedAt()));
    }
  }

  /** One procedure: the listed fields plus its module, version, entry and limits. */
  record Details(String name, String language, List<ParamJson> params, @JsonProperty("return_type") String returnType,
      String description, @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
      String entry, String sha256, int size, long version, LimitsJson limits,
      @JsonProperty("latency_ms") double latencyMs) {

    static Details of(Procedure p, double latencyMs) {
      return new Details(p.name(), p.language(), ParamJson.of(p.params()), returnTypeOf(p), descriptionOf(p),
          timestamp(p.createdAt()), timestamp(p.updatedAt()), p.export(), p.moduleSha256(), p.moduleSize(),
          p.version(), LimitsJson.of(p.limits()), latencyMs);
    }
  }

  record ErrorBody(ErrorJson error) {
  }

  record ErrorJson(String code, String message) {
  }

  private static String returnTypeOf(Procedure p) {
    return p.returnType() == null ? null : p.returnType().name();
  }

  private static String descriptionOf(Procedure p) {
    return p.description() == null ? "" : p.description();
  }

  /** Seed 003 shows whole seconds in UTC: {@code 2025-10-05T16:00:00Z}. */
  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
