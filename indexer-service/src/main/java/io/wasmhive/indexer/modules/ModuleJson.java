package io.wasmhive.indexer.modules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.modules.StoredModule;
import java.time.Instant;
import java.util.List;

/** A stored module as the API shows it; the upload answer is its first four fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModuleJson(String status, String sha256, @JsonProperty("cid_v0") String cidV0, @JsonProperty("cid_v1") String cidV1,
    long size, List<String> cids, List<String> aliases, List<String> sources,
    @JsonProperty("stored_at") Instant storedAt) {

  /** The upload answer: {@code {sha256, cid_v0, cid_v1, size}}. */
  static ModuleJson addresses(StoredModule m) {
    return new ModuleJson(null, m.sha256(), m.cidV0(), m.cidV1(), m.size(), null, null, null, null);
  }

  /** Everything the store knows of the module, lists sorted; a stored module's status is {@code pinned}. */
  static ModuleJson full(StoredModule m) {
    return new ModuleJson("pinned", m.sha256(), m.cidV0(), m.cidV1(), m.size(), m.cids().stream().sorted().toList(),
        m.aliases().stream().sorted().toList(), m.sources().stream().sorted().toList(), m.storedAt());
  }
}
