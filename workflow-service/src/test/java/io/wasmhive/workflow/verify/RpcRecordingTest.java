package io.wasmhive.workflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RpcRecordingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static RpcRecording recording(String response, Map<String, String> blocks) {
    return RpcRecording.of("run-1", "wf-1", "job-1", blocks, List.of(new RecordedStep(0, "balance", "ab".repeat(32),
        List.of(new RecordedExchange(31337, "{\"id\":1}", response, null)), null)));
  }

  @Test
  void theHashSurvivesAJsonRoundTripAndDependsOnEveryByte() {
    RpcRecording recording = recording("{\"result\":\"0x1\"}", Map.of("31337", "12"));
    assertThat(recording.intact()).isTrue();
    assertThat(recording.hash()).matches("[0-9a-f]{64}");
    RpcRecording read = JSON.readValue(JSON.writeValueAsString(recording), RpcRecording.class);
    assertThat(read.intact()).isTrue();
    assertThat(read).isEqualTo(recording);
    assertThat(recording("{\"result\":\"0x2\"}", Map.of("31337", "12")).hash()).isNotEqualTo(recording.hash());
    assertThat(recording("{\"result\":\"0x1\"}", Map.of("31337", "13")).hash()).isNotEqualTo(recording.hash());
    RpcRecording tampered = new RpcRecording(1, "run-2", "wf-1", "job-1", recording.chainBlocks(), recording.steps(),
        recording.hash());
    assertThat(tampered.intact()).isFalse();
  }

  @Test
  void theHashDoesNotDependOnTheOrderChainsAreListedIn() {
    assertThat(recording("{}", new java.util.LinkedHashMap<>(Map.of("1", "5"))).hash()).isNotNull();
    java.util.LinkedHashMap<String, String> ab = new java.util.LinkedHashMap<>();
    ab.put("1", "5");
    ab.put("8453", "9");
    java.util.LinkedHashMap<String, String> ba = new java.util.LinkedHashMap<>();
    ba.put("8453", "9");
    ba.put("1", "5");
    assertThat(recording("{}", ab).hash()).isEqualTo(recording("{}", ba).hash());
  }

  @Test
  void anIncompleteStepIsNotComplete() {
    assertThat(new RecordedStep(0, "a", "ab".repeat(32), List.of(), 3L).complete()).isFalse();
    assertThat(new RecordedStep(0, "a", "ab".repeat(32), List.of(new RecordedExchange(1, "x", "y", true)), 0L)
        .complete()).isFalse();
    assertThat(new RecordedStep(0, "a", "ab".repeat(32), List.of(new RecordedExchange(1, "x", "y", false)), 0L)
        .complete()).isTrue();
  }
}
