package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.RpcHandler;
import io.wasmhive.executor.TrapException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HostRpcCallTest {

  private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_blockNumber\",\"params\":[]}";
  private static final String RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x10\"}";

  private final AtomicInteger handled = new AtomicInteger();

  @Test
  void answersInABufferTheGuestAllocates() {
    AtomicReference<String> seen = new AtomicReference<>();
    AtomicReference<Duration> timeout = new AtomicReference<>();
    Guest guest = Guest.settings().handler((request, limit) -> {
      seen.set(new String(request, StandardCharsets.UTF_8));
      timeout.set(limit);
      return RESPONSE.getBytes(StandardCharsets.UTF_8);
    }).guest();
    int responsePointer = guest.alloc(4);
    long[] result = guest.host("rpc_call", guest.put(REQUEST), REQUEST.length(), responsePointer);
    assertThat(result).containsExactly(RESPONSE.length());
    assertThat(guest.string(guest.memory.readI32(responsePointer), RESPONSE.length())).isEqualTo(RESPONSE);
    assertThat(seen.get()).isEqualTo(REQUEST);
    assertThat(timeout.get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(guest.call.allocCalls()).isEqualTo(1);
  }

  @Test
  void requestOutsideMemoryIsAnInvalidRequest() {
    Guest guest = counting(Guest.settings());
    assertThat(call(guest, Guest.MEMORY_SIZE - 4, 10)).contains("\"id\":null", "\"code\":-32600");
    assertThat(handled).hasValue(0);
  }

  @Test
  void requestOver64KiBIsAnInvalidRequest() {
    Guest guest = counting(Guest.settings());
    assertThat(call(guest, guest.alloc(70_000), 64 * 1024 + 1)).contains("\"code\":-32600");
    assertThat(call(guest, 0, -1)).contains("\"code\":-32600");
    assertThat(handled).hasValue(0);
  }

  @Test
  void malformedJsonIsAParseError() {
    Guest guest = counting(Guest.settings());
    assertThat(call(guest, "{\"id\":3,")).isEqualTo(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error: the request is not valid JSON\"}}");
    assertThat(call(guest, "[{\"id\":3}]")).contains("\"code\":-32600");
    assertThat(handled).hasValue(0);
  }

  @Test
  void handlerFailureIsAnErrorWithTheRequestIdAndNoHostDetails() {
    Guest guest = Guest.settings().handler((request, timeout) -> {
      throw new IllegalStateException("https://rpc.example/secret-key refused");
    }).guest();
    String response = call(guest, "{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"method\":\"eth_call\"}");
    assertThat(response).startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"error\":{\"code\":-32000,");
    assertThat(response).doesNotContain("secret");
  }

  @Test
  void missingHandlerIsAnInternalError() {
    assertThat(call(new Guest(), REQUEST)).contains("\"id\":7", "\"code\":-32603");
    assertThat(call(Guest.settings().handler(RpcHandler.UNAVAILABLE).guest(), REQUEST)).contains("\"code\":-32603");
  }

  @Test
  void handlerSlowerThanTheDeadlineIsCutOff() {
    Guest guest = Guest.settings().deadlineIn(200).handler((request, timeout) -> {
      Thread.sleep(30_000);
      return RESPONSE.getBytes(StandardCharsets.UTF_8);
    }).guest();
    long start = System.nanoTime();
    assertThat(call(guest, REQUEST)).contains("\"id\":7", "\"code\":-32000", "deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void noCallOnceTheDeadlineHasPassed() {
    Guest guest = counting(Guest.settings().deadlineIn(-1));
    assertThat(call(guest, REQUEST)).contains("\"code\":-32000");
    assertThat(handled).hasValue(0);
  }

  @Test
  void responseOver1MiBIsReplacedByAnError() {
    Guest guest = Guest.settings().handler((request, timeout) -> new byte[1024 * 1024 + 1]).guest();
    assertThat(call(guest, REQUEST)).contains("\"id\":7", "\"code\":-32000");
    Guest empty = Guest.settings().handler((request, timeout) -> null).guest();
    assertThat(call(empty, REQUEST)).contains("\"code\":-32000");
  }

  @Test
  void badResponsePointerPointerTrapsBeforeTheHandlerRuns() {
    Guest guest = counting(Guest.settings());
    assertThatThrownBy(() -> guest.host("rpc_call", guest.put(REQUEST), REQUEST.length(), Guest.MEMORY_SIZE - 2))
        .isInstanceOfSatisfying(TrapException.class, e -> assertThat(e.trapCode()).isEqualTo("bad_pointer"));
    assertThat(handled).hasValue(0);
  }

  @Test
  void allocOutOfBoundsOrMissingTraps() {
    Guest guest = counting(Guest.settings());
    guest.call.alloc(length -> Guest.MEMORY_SIZE - 8);
    assertThatThrownBy(() -> call(guest, REQUEST))
        .isInstanceOfSatisfying(TrapException.class, e -> assertThat(e.trapCode()).isEqualTo("bad_pointer"));
    guest.call.alloc(length -> 0);
    assertThatThrownBy(() -> call(guest, REQUEST)).isInstanceOf(TrapException.class);
    guest.call.alloc(null);
    assertThatThrownBy(() -> call(guest, REQUEST))
        .isInstanceOf(TrapException.class).hasMessageContaining("alloc");
  }

  @Test
  void progressIsClampedAndForwarded() {
    List<Integer> reported = new ArrayList<>();
    Guest guest = Guest.settings().progress(reported::add).guest();
    assertThat(guest.host("progress", 50)).isEmpty();
    guest.host("progress", -3);
    guest.host("progress", 250);
    assertThat(reported).containsExactly(50, 0, 100);
    assertThat(new Guest().host("progress", 10)).isEmpty();
  }

  private Guest counting(Guest.SettingsBuilder settings) {
    return settings.handler((request, timeout) -> {
      handled.incrementAndGet();
      return RESPONSE.getBytes(StandardCharsets.UTF_8);
    }).guest();
  }

  private static String call(Guest guest, String request) {
    return call(guest, guest.put(request), request.getBytes(StandardCharsets.UTF_8).length);
  }

  private static String call(Guest guest, int pointer, int length) {
    int responsePointer = guest.alloc(4);
    int responseLength = (int) guest.host("rpc_call", pointer, length, responsePointer)[0];
    return guest.string(guest.memory.readI32(responsePointer), responseLength);
  }
}
