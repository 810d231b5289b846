package io.wasmhive.workflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayRpcTest {

  private static final List<RecordedExchange> RECORDED = List.of(
      new RecordedExchange(1, "{\"id\":1}", "{\"result\":\"0x1\"}", null),
      new RecordedExchange(1, "{\"id\":2}", "{\"result\":\"0x2\"}", null));

  @Test
  void theRecordedRequestsInOrderGetTheRecordedAnswers() {
    ReplayRpc replay = new ReplayRpc(RECORDED);
    assertThat(call(replay, "{\"id\":1}")).isEqualTo("{\"result\":\"0x1\"}");
    assertThat(call(replay, "{\"id\":2}")).isEqualTo("{\"result\":\"0x2\"}");
    assertThat(replay.mismatch()).isNull();
  }

  @Test
  void aDifferentRequestIsTheMismatchAndIsAnsweredWithAnError() {
    ReplayRpc replay = new ReplayRpc(RECORDED);
    call(replay, "{\"id\":1}");
    assertThat(call(replay, "{\"id\": 2}")).contains("\"code\":-32000").contains("request 1 is not in the leader's");
    assertThat(call(replay, "{\"id\":2}")).as("after a mismatch nothing is answered from the recording")
        .contains("-32000");
    assertThat(replay.mismatch()).isEqualTo(new ReplayRpc.Mismatch(1, "{\"id\":2}", "{\"id\": 2}"));
  }

  @Test
  void aRequestPastTheRecordingAndARequestNeverMadeAreMismatches() {
    ReplayRpc extra = new ReplayRpc(RECORDED.subList(0, 1));
    call(extra, "{\"id\":1}");
    call(extra, "{\"id\":2}");
    assertThat(extra.mismatch()).isEqualTo(new ReplayRpc.Mismatch(1, null, "{\"id\":2}"));

    ReplayRpc fewer = new ReplayRpc(RECORDED);
    call(fewer, "{\"id\":1}");
    assertThat(fewer.mismatch()).isEqualTo(new ReplayRpc.Mismatch(1, "{\"id\":2}", null));
    assertThat(new ReplayRpc(List.of()).mismatch()).isNull();
  }

  private static String call(ReplayRpc replay, String request) {
    return new String(replay.handle(request.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1)),
        StandardCharsets.UTF_8);
  }
}
