package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.GuestExit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WasiProcessTest {

  @Test
  void argsAreLaidOutAsPointerArrayAndNulTerminatedStrings() {
    Guest guest = Guest.settings().args(List.of("--flag", "héllo")).guest();
    int sizes = guest.alloc(8);
    assertThat(guest.wasi("args_sizes_get", sizes, sizes + 4)).isZero();
    int argc = guest.memory.readI32(sizes);
    int bufferSize = guest.memory.readI32(sizes + 4);
    assertThat(argc).isEqualTo(3);
    assertThat(bufferSize).isEqualTo("main.wasm\0--flag\0héllo\0".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

    int argv = guest.alloc(4 * argc);
    int buffer = guest.alloc(bufferSize);
    assertThat(guest.wasi("args_get", argv, buffer)).isZero();
    assertThat(cStrings(guest, argv, argc)).containsExactly("main.wasm", "--flag", "héllo");
    assertThat(guest.memory.readI32(argv)).isEqualTo(buffer);
    assertThat(guest.memory.read(buffer + bufferSize - 1, 1)[0]).isZero();
  }

  @Test
  void environHoldsTaskVariablesThenTheBridgeVariables() {
    Guest guest = Guest.settings().env(Map.of("B", "2", "A", "1", "WASM_RPC_WORK_DIR", "/elsewhere")).guest();
    int sizes = guest.alloc(8);
    assertThat(guest.wasi("environ_sizes_get", sizes, sizes + 4)).isZero();
    int count = guest.memory.readI32(sizes);
    int environ = guest.alloc(4 * count);
    int buffer = guest.alloc(guest.memory.readI32(sizes + 4));
    assertThat(guest.wasi("environ_get", environ, buffer)).isZero();
    assertThat(cStrings(guest, environ, count)).containsExactly("A=1", "B=2", "WASM_RPC_WORK_DIR=/rpc",
        "WASM_RPC_REQUEST_FILE=wasm_rpc_request.json", "WASM_RPC_RESPONSE_FILE=wasm_rpc_response.json");
  }

  @Test
  void badPointersAnswerEfault() {
    Guest guest = new Guest();
    assertThat(guest.wasi("args_sizes_get", Guest.MEMORY_SIZE - 2, 0)).isEqualTo(Errno.FAULT);
    assertThat(guest.wasi("environ_get", -8, 0)).isEqualTo(Errno.FAULT);
    assertThat(guest.wasi("clock_time_get", 0, 0, Guest.MEMORY_SIZE)).isEqualTo(Errno.FAULT);
    assertThat(guest.wasi("fd_write", 1, Guest.MEMORY_SIZE - 4, 1, 0)).isEqualTo(Errno.FAULT);
  }

  @Test
  void procExitEndsTheExecutionWithTheCode() {
    Guest guest = new Guest();
    assertThatThrownBy(() -> guest.env.function(HostCatalog.WASI, "proc_exit").call(guest.call, new long[] {7}))
        .isInstanceOfSatisfying(GuestExit.class, e -> assertThat(e.code()).isEqualTo(7));
  }

  @Test
  void procRaiseTrapsAndSchedYieldSucceeds() {
    Guest guest = new Guest();
    assertThatThrownBy(() -> guest.wasi("proc_raise", 6)).isInstanceOf(TrapException.class);
    assertThat(guest.wasi("sched_yield")).isZero();
  }

  private static List<String> cStrings(Guest guest, int pointers, int count) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int address = guest.memory.readI32(pointers + 4 * i);
      int end = address;
      while (guest.memory.read(end, 1)[0] != 0) {
        end++;
      }
      values.add(guest.string(address, end - address));
    }
    return values;
  }
}
