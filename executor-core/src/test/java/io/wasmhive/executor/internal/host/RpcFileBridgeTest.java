package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcFileBridgeTest {

  private final List<String> requests = new ArrayList<>();
  private final Guest guest = Guest.settings().handler((request, timeout) -> {
    String text = new String(request, StandardCharsets.UTF_8);
    requests.add(text);
    String id = text.contains("\"id\":2") ? "2" : "1";
    return ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x" + requests.size() + "\"}").getBytes(StandardCharsets.UTF_8);
  }).guest();

  @Test
  void closingAWrittenRequestFileAnswersInTheResponseFile() {
    assertThat(guest.open("rpc/wasm_rpc_response.json", 0)).isEqualTo(-Errno.NOENT);
    writeRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
    assertThat(requests).containsExactly("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
    assertThat(response()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}");
  }

  @Test
  void overwritingTheRequestCallsAgainAndReplacesTheResponse() {
    writeRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}");
    writeRequest("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"b\"}");
    assertThat(requests).hasSize(2);
    assertThat(response()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x2\"}");
  }

  @Test
  void onlyAWrittenRequestTriggersACall() {
    writeRequest("{\"id\":1}");
    int fd = guest.open("rpc/wasm_rpc_request.json", 0);
    guest.read(fd, 100);
    assertThat(guest.wasi("fd_close", fd)).isZero();
    int other = guest.open("rpc/other.json", WasiFilesTest.CREAT);
    guest.write(other, "{\"id\":1}");
    guest.wasi("fd_close", other);
    assertThat(requests).hasSize(1);
  }

  @Test
  void badRequestsAreAnsweredWithErrorObjects() {
    writeRequest("not json");
    assertThat(response()).contains("\"code\":-32700");
    writeRequest("x".repeat(64 * 1024 + 1));
    assertThat(response()).contains("\"code\":-32600");
    assertThat(requests).isEmpty();
  }

  @Test
  void theGuestFindsTheBridgeThroughItsAbsolutePath() {
    // wasi-libc strips the pre-open prefix "/" before calling path_open on fd 3.
    int fd = guest.open("rpc/./wasm_rpc_request.json", WasiFilesTest.CREAT | WasiFilesTest.TRUNC);
    guest.write(fd, "{\"id\":1}");
    guest.wasi("fd_close", fd);
    assertThat(requests).hasSize(1);
  }

  private void writeRequest(String json) {
    int fd = guest.open("rpc/wasm_rpc_request.json", WasiFilesTest.CREAT | WasiFilesTest.TRUNC);
    assertThat(fd).isPositive();
    assertThat(guest.write(fd, json)).isZero();
    assertThat(guest.wasi("fd_close", fd)).isZero();
  }

  private String response() {
    int fd = guest.open("rpc/wasm_rpc_response.json", 0);
    assertThat(fd).isPositive();
    String text = guest.read(fd, 70_000);
    guest.wasi("fd_close", fd);
    return text;
  }
}
