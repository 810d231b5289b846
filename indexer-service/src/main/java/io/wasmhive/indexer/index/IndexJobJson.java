package io.wasmhive.indexer.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An index job as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexJobJson(String cid, String status, int attempts, String error,
    @JsonProperty("gateway_failures") List<String> gatewayFailures, String sha256, List<String> aliases,
    @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

  public static IndexJobJson of(IndexJob job) {
    return new IndexJobJson(job.cid(), job.status().wire(), job.attempts(), job.error(),
        job.gatewayFailures().isEmpty() ? null : job.gatewayFailures(), job.sha256(),
        job.aliases().stream().sorted().toList(), job.createdAt(), job.updatedAt());
  }
}
