package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.InvalidModuleException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strict LEB128: longest legal forms accepted, over-long or out-of-range forms rejected. */
class WasmLeb128Test {

  private static WasmReader reader(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new WasmReader(b);
  }

  @Test
  void unsigned32() {
    assertThat(reader(0x00).u32()).isZero();
    assertThat(reader(0x80, 0x00).u32()).isZero();
    assertThat(reader(0xE5, 0x8E, 0x26).u32()).isEqualTo(624485);
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).u32()).isEqualTo(-1);
    assertInvalid(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).u32(), "out of range");
    assertInvalid(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32(), "too long");
    assertInvalid(() -> reader(0x80).u32(), "unexpected end");
  }

  @Test
  void signed32() {
    assertThat(reader(0x7F).signed(32)).isEqualTo(-1);
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).signed(32)).isEqualTo(-1);
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).signed(32)).isEqualTo(Integer.MAX_VALUE);
    assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x78).signed(32)).isEqualTo(Integer.MIN_VALUE);
    assertInvalid(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).signed(32), "out of range");
    assertInvalid(() -> reader(0x80, 0x80, 0x80, 0x80, 0x70).signed(32), "out of range");
    assertInvalid(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F).signed(32), "too long");
  }

  @Test
  void signed64AndUnsigned64() {
    assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).signed(64)).isEqualTo(Long.MIN_VALUE);
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).signed(64)).isEqualTo(Long.MAX_VALUE);
    assertInvalid(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).signed(64), "out of range");
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).u64()).isEqualTo(-1L);
    assertInvalid(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03).u64(), "out of range");
  }

  @Test
  void writerAndReaderRoundTrip() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      ByteSink sink = new ByteSink(10);
      sink.s64(value);
      sink.u32((int) value);
      WasmReader r = new WasmReader(sink.toArray());
      assertThat(r.signed(64)).isEqualTo(value);
      assertThat(r.u32()).isEqualTo((int) value);
      assertThat(r.atEnd()).isTrue();
    }
  }

  @Test
  void countsAreCheckedAgainstTheRemainingBytesBeforeAnyAllocation() {
    assertInvalid(() -> reader(0x80, 0x80, 0x04, 1, 2).count(1, Integer.MAX_VALUE, "x count"), "x count 65536 exceeds the remaining 2 bytes");
    assertInvalid(() -> reader(0x05, 1, 2, 3).count(1, 4, "x count"), "cap of 4");
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidModuleException.class).hasMessageContaining(message);
  }
}
