package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.OutputLimitException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WasiStdioTest {

  @Test
  void fdWriteGathersIovecsInOrder() {
    Guest guest = new Guest();
    int hello = guest.put("hello, ");
    int world = guest.put("world\n");
    int empty = guest.put("");
    int nwritten = guest.alloc(4);
    int iovs = guest.iovecs(hello, 7, empty, 0, world, 6);
    assertThat(guest.wasi("fd_write", 1, iovs, 3, nwritten)).isZero();
    assertThat(guest.memory.readI32(nwritten)).isEqualTo(13);
    assertThat(guest.write(2, "oops")).isZero();
    assertThat(new String(guest.env.stdout(), StandardCharsets.UTF_8)).isEqualTo("hello, world\n");
    assertThat(new String(guest.env.stderr(), StandardCharsets.UTF_8)).isEqualTo("oops");
  }

  @Test
  void stdinIsReadInSeveralChunksThenReportsEnd() {
    Guest guest = Guest.settings().stdin("{\"address\":\"0xabc\"}\n").guest();
    assertThat(guest.read(0, 8)).isEqualTo("{\"addres");
    assertThat(guest.read(0, 8)).isEqualTo("s\":\"0xab");
    assertThat(guest.read(0, 100)).isEqualTo("c\"}\n");
    assertThat(guest.read(0, 100)).isEmpty();
  }

  @Test
  void fdReadScattersAcrossIovecs() {
    Guest guest = Guest.settings().stdin("abcdef").guest();
    int first = guest.alloc(2);
    int second = guest.alloc(10);
    int nread = guest.alloc(4);
    assertThat(guest.wasi("fd_read", 0, guest.iovecs(first, 2, second, 10), 2, nread)).isZero();
    assertThat(guest.memory.readI32(nread)).isEqualTo(6);
    assertThat(guest.string(first, 2) + guest.string(second, 4)).isEqualTo("abcdef");
  }

  @Test
  void fdReadIntoABadBufferFaultsWithoutConsumingInput() {
    Guest guest = Guest.settings().stdin("abc").guest();
    int iovs = guest.iovecs(Guest.MEMORY_SIZE - 1, 3);
    assertThat(guest.wasi("fd_read", 0, iovs, 1, guest.alloc(4))).isEqualTo(Errno.FAULT);
    assertThat(guest.read(0, 10)).isEqualTo("abc");
  }

  @Test
  void outputUpToTheLimitIsKept() {
    Guest guest = Guest.settings().maxOutput(10).guest();
    assertThat(guest.write(1, "12345")).isZero();
    assertThat(guest.write(1, "67890")).isZero();
    assertThat(guest.env.stdout()).hasSize(10);
  }

  @Test
  void oneByteOverTheLimitEndsTheExecutionKeepingTheFirstBytes() {
    Guest guest = Guest.settings().maxOutput(10).guest();
    assertThat(guest.write(1, "12345")).isZero();
    assertThatThrownBy(() -> guest.write(1, "678901")).isInstanceOf(OutputLimitException.class);
    assertThat(new String(guest.env.stdout(), StandardCharsets.UTF_8)).isEqualTo("1234567890");
    assertThatThrownBy(() -> guest.write(2, "x".repeat(11))).isInstanceOf(OutputLimitException.class);
    assertThat(guest.env.stderr()).hasSize(10);
  }

  @Test
  void stdioLooksLikeATerminalSoLibcLineBuffers() {
    Guest guest = new Guest();
    int stat = guest.alloc(24);
    assertThat(guest.wasi("fd_fdstat_get", 1, stat)).isZero();
    assertThat(guest.memory.read(stat, 1)[0]).isEqualTo((byte) 2);
    long rights = guest.memory.readI64(stat + 8);
    assertThat(rights & (1 << 2)).isZero();
    assertThat(rights & (1 << 5)).isZero();
    assertThat(guest.wasi("fd_seek", 1, 0L, 0, guest.alloc(8))).isEqualTo(Errno.SPIPE);
    assertThat(guest.wasi("fd_read", 1, guest.iovecs(guest.alloc(4), 4), 1, guest.alloc(4))).isEqualTo(Errno.BADF);
    assertThat(guest.wasi("fd_write", 0, guest.iovecs(guest.put("x"), 1), 1, guest.alloc(4))).isEqualTo(Errno.BADF);
  }

  @Test
  void unknownDescriptorsAnswerEbadf() {
    Guest guest = new Guest();
    assertThat(guest.wasi("fd_write", 9, guest.iovecs(guest.put("x"), 1), 1, guest.alloc(4))).isEqualTo(Errno.BADF);
    assertThat(guest.wasi("fd_close", 300)).isEqualTo(Errno.BADF);
    assertThat(guest.wasi("fd_fdstat_get", -1, guest.alloc(24))).isEqualTo(Errno.BADF);
  }
}
