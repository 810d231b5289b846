package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Fuzz targets of {@code $wasm:} and {@code $ref:} references (docs/fuzzing.md). A run body with the leader's
 * contexts is refused with {@code INVALID_RUN_REQUEST} or gives contexts from which an operator resolves every
 * reference they list, reading nothing; a step argument resolves against known results to the same structure with
 * each reference replaced by its value, or fails with the SDK's reference errors; every {@code $ref:} that parses is
 * written back in the SDK's shape and parses to itself.
 */
class ReferenceFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RunOptionsReader OPTIONS = new RunOptionsReader();
  private static final String KNOWN_REF = "{\"target\":\"0x0000000000000000000000000000000000000001\","
      + "\"abi\":\"function total() view returns (uint256)\",\"args\":[],\"chainId\":1}";

  /** A run body: refused, or contexts whose every reference an operator resolves from them alone. */
  @FuzzTest(maxDuration = "3m")
  void readsLeaderContexts(byte[] body) {
    RunOptions options;
    try {
      options = OPTIONS.read(body);
    } catch (WorkflowException e) {
      assertThat(e.error()).isEqualTo(WorkflowError.INVALID_RUN_REQUEST);
      return;
    }
    if (options.dataRefContext() == null || options.wasmRefContext() == null) {
      assertThat(options.mode()).as("a run without the leader's contexts").isEqualTo("leader");
      return;
    }
    DataRefContext data = options.dataRefContext();
    assertThat(data.pins()).hasSameSizeAs(data.chainBlocks());
    WasmRefResolver wasm = new WasmRefResolver();
    options.wasmRefContext().resolvedRefs().forEach(r -> wasm.put(r.ref().id(), r.result()));
    DataRefResolver refs = DataRefResolver.replaying(data);
    for (ResolvedDataRef entry : data.resolvedRefs()) {
      String text = DataRef.PREFIX + JSON.writeValueAsString(entry.ref());
      assertThat(DataRef.parse(text)).isEqualTo(entry.ref());
      // The first entry for an equal reference answers it, as the operator's replay does.
      ResolvedDataRef first = data.resolvedRefs().stream().filter(r -> r.ref().equals(entry.ref())).findFirst()
          .orElseThrow();
      assertThat(refs.resolve(JSON.getNodeFactory().stringNode(text)))
          .isEqualTo(DataRefResolver.toPlain(first.value()));
    }
    for (String id : wasm.ids()) {
      try {
        assertThat(wasm.resolve(JSON.getNodeFactory().stringNode(WasmRefResolver.PREFIX + id)))
            .isEqualTo(wasm.value(id));
      } catch (WasmRefException e) {
        assertThat(e.getMessage()).startsWith("WASM execution error for " + id + ": ");
      }
    }
  }

  /** A step argument against known results: the same structure with each reference replaced, or a reference error. */
  @FuzzTest(maxDuration = "3m")
  void resolvesArguments(byte[] argument) {
    JsonNode node;
    try {
      node = JSON.readTree(argument);
    } catch (JacksonException e) {
      return;
    }
    if (node == null || node.isMissingNode()) {
      return;
    }
    WasmRefResolver wasm = new WasmRefResolver();
    wasm.put("a", JSON.readTree("{\"ok\":true,\"result\":{\"value\":7}}"));
    wasm.put("b", JSON.readTree("[1,{\"x\":\"$wasm:a\"}]"));
    wasm.put("e", JSON.readTree("{\"ok\":false,\"error\":\"boom\"}"));
    ArrayNode known = JSON.createArrayNode();
    known.addObject().set("ref", JSON.readTree(KNOWN_REF));
    DataRef ref = DataRef.parse(DataRef.PREFIX + KNOWN_REF);
    DataRefResolver refs = DataRefResolver.replaying(new DataRefContext(Map.of("1", "5"),
        java.util.List.of(new ResolvedDataRef(ref, JSON.readTree("{\"__bigint\":\"12\"}"), "5"))));
    JsonNode resolved;
    try {
      resolved = refs.resolve(wasm.resolve(node));
    } catch (WasmRefException | DataRefException e) {
      return;
    }
    assertReplaced(node, resolved, wasm, 0);
  }

  /** {@code out} is {@code in} with every reference replaced by its value, and nested no deeper than the bound. */
  private static void assertReplaced(JsonNode in, JsonNode out, WasmRefResolver wasm, int depth) {
    assertThat(depth).isLessThanOrEqualTo(WasmRefResolver.MAX_DEPTH);
    if (in.isString() && WasmRefResolver.isReference(in.stringValue())) {
      assertThat(out).isEqualTo(wasm.value(in.stringValue().substring(WasmRefResolver.PREFIX.length())));
    } else if (in.isString() && DataRef.isReference(in.stringValue())) {
      assertThat(out).isEqualTo(JSON.getNodeFactory().numberNode(java.math.BigInteger.valueOf(12)));
    } else if (in.isContainer()) {
      assertThat(out.getNodeType()).isEqualTo(in.getNodeType());
      assertThat(out.size()).isEqualTo(in.size());
      if (in.isArray()) {
        for (int i = 0; i < in.size(); i++) {
          assertReplaced(in.get(i), out.get(i), wasm, depth + 1);
        }
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          assertReplaced(field.getValue(), out.get(field.getKey()), wasm, depth + 1);
        }
      }
    } else {
      assertThat(out).isEqualTo(in);
    }
  }
}
