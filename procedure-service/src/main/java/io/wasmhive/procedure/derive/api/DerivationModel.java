package io.wasmhive.procedure.derive.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wasmhive.procedure.derive.LimitsSpec;
import io.wasmhive.procedure.derive.engine.MessageLimits;
import io.wasmhive.procedure.derive.store.Derivation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON bodies of {@code /derivations}. */
final class DerivationModel {

  private DerivationModel() {
  }

  record CreateRequest(String name, @JsonProperty("wasm_base64") String wasmBase64, String schema, LimitsJson limits) {
  }

  record LimitsJson(@JsonProperty("max_gas") Long maxGas, @JsonProperty("max_time_ms") Long maxTimeMs,
      @JsonProperty("max_memory") Long maxMemory, @JsonProperty("max_db_bytes") Long maxDbBytes) {

    LimitsSpec toSpec() {
      return new LimitsSpec(maxGas, maxTimeMs, maxMemory, maxDbBytes);
    }

    static LimitsJson of(MessageLimits l) {
      return new LimitsJson(l.maxGas(), l.maxTimeMs(), l.maxMemory(), l.maxDbBytes());
    }
  }

  /** One message ({@code message}) or several ({@code messages}), never both. */
  record AppendRequest(JsonNode message, List<JsonNode> messages) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MessageResult(long position, String status, String reason, @JsonProperty("state_hash") String stateHash,
      String hash) {
  }

  record AppendResponse(long position, @JsonProperty("state_hash") String stateHash, List<MessageResult> results) {
  }

  record Status(String name, String database, long position, @JsonProperty("state_hash") String stateHash,
      @JsonProperty("chain_hash") String chainHash, long applied, long rejected,
      @JsonProperty("reducer_sha256") String reducerSha256, String schema, LimitsJson limits,
      @JsonProperty("created_at") String createdAt, @JsonProperty("sql_engine") String sqlEngine,
      @JsonProperty("sql_engine_version") String sqlEngineVersion) {

    static Status of(Derivation d) {
      return new Status(d.name(), d.database(), d.position(), d.stateHash(), d.chainHash(), d.applied(), d.rejected(),
          d.reducerSha256(), d.schema(), LimitsJson.of(d.limits()), d.createdAt().toString(), d.sqlEngine(),
          d.sqlEngineVersion());
    }
  }

  record QueryRequest(String sql, List<JsonNode> params) {
  }

  record QueryResponse(@ArraySchema(arraySchema = @Schema(description = "The rows"), schema = @Schema(
      type = "object", description = "A row: column → value")) JsonNode rows, int count) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LoggedJson(long position, JsonNode message, @JsonProperty("prev_hash") String prevHash, String hash,
      String status, String reason, @JsonProperty("state_hash") String stateHash) {
  }

  record MessagesResponse(List<LoggedJson> messages, int count, @JsonProperty("next_from") long nextFrom) {
  }

  record SnapshotJson(long position, @JsonProperty("state_hash") String stateHash, String format,
      @JsonProperty("sql_engine") String sqlEngine, @JsonProperty("dump_base64") @Schema(types = {"string", "null"},
          description = "The dump; null in the answer to an import") String dumpBase64) {
  }

  record VerifyRequest(@JsonProperty("wasm_base64") String wasmBase64, String schema, LimitsJson limits,
      List<JsonNode> messages, @JsonProperty("expected_state_hash") String expectedStateHash,
      @JsonProperty("expected_state_hashes") List<String> expectedStateHashes,
      @JsonProperty("sql_engine") String sqlEngine) {
  }

  record VerifyResponse(boolean verified, long position, @JsonProperty("state_hash") String stateHash,
      @JsonProperty("chain_hash") String chainHash, long applied, long rejected,
      @JsonProperty("diverged_at") Long divergedAt, @JsonProperty("sql_engine") String sqlEngine) {
  }
}
