package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.OutputLimitException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's work for a call is bounded by the policy, not by lengths the guest passes: a guest hands each host
 * function a length of 48 MiB (its whole memory) and the host allocates no more than a small, fixed amount on the
 * calling thread. The JVM's per-thread allocation counter measures it; every call is made once beforehand so
 * that class loading and first-use initialisation are not counted.
 */
class HostWorkBoundsTest {

  private static final int HUGE = 48 * 1024 * 1024;
  private static final int MEMORY = HUGE + 1024 * 1024;
  /** What a bounded call may allocate: small change for arguments and results, never a guest-sized buffer. */
  private static final long BOUND = 64 * 1024;

  @BeforeAll
  static void allocationIsMeasurable() {
    // Measured, never assumed: a JVM without per-thread allocation counters fails here instead of skipping.
    assertThat(threads().isThreadAllocatedMemorySupported()).as("per-thread allocation counters").isTrue();
    threads().setThreadAllocatedMemoryEnabled(true);
  }

  private static com.sun.management.ThreadMXBean threads() {
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }

  /** Runs {@code call} once to warm it up, then again, and returns what the second run allocated on this thread. */
  private static long allocatedBy(IntSupplier call) {
    call.getAsInt();
    long before = threads().getCurrentThreadAllocatedBytes();
    call.getAsInt();
    return threads().getCurrentThreadAllocatedBytes() - before;
  }

  private static Guest bigGuest(Guest.SettingsBuilder settings) {
    return settings.guest(MEMORY);
  }

  @Test
  void fdWriteToStdoutChecksTheOutputBudgetBeforeCopying() {
    Guest guest = bigGuest(Guest.settings().maxOutput(1024));
    int iovs = guest.iovecs(1024 * 1024, HUGE);
    guest.memory.write(1024 * 1024, "x".repeat(2048).getBytes(StandardCharsets.US_ASCII));
    long allocated = allocatedBy(() -> {
      assertThatThrownBy(() -> guest.wasi("fd_write", 1, iovs, 1, guest.alloc(4)))
          .isInstanceOf(OutputLimitException.class);
      return 0;
    });
    assertThat(guest.env.stdout()).hasSize(1024).containsOnly('x');
    assertThat(allocated).isLessThan(BOUND);
  }

  @Test
  void fdWriteToAFileBeyondTheFilesystemCapIsRefusedBeforeCopying() {
    Guest guest = bigGuest(Guest.settings());
    int fd = guest.open("big.bin", WasiFilesTest.CREAT);
    int iovs = guest.iovecs(1024 * 1024, HUGE);
    long allocated = allocatedBy(() -> {
      assertThat(guest.wasi("fd_write", fd, iovs, 1, guest.alloc(4))).isEqualTo(Errno.NOSPC);
      return 0;
    });
    assertThat(allocated).isLessThan(BOUND);
    int stat = guest.alloc(64);
    assertThat(guest.wasi("fd_filestat_get", fd, stat)).isZero();
    assertThat(guest.memory.readI64(stat + 32)).as("nothing was written").isZero();
  }

  @Test
  void fdWriteToAFileCopiesStraightIntoIt() {
    Guest guest = bigGuest(Guest.settings());
    int fd = guest.open("one.bin", WasiFilesTest.CREAT);
    int iovs = guest.iovecs(1024 * 1024, 1024 * 1024);
    int position = guest.alloc(8);
    int written = guest.alloc(4);
    guest.wasi("fd_write", fd, iovs, 1, written);
    long rewrite = allocatedBy(() -> {
      guest.wasi("fd_seek", fd, 0L, 0, position);
      return guest.wasi("fd_write", fd, iovs, 1, written);
    });
    assertThat(rewrite).as("overwriting 1 MiB in place").isLessThan(BOUND);
    assertThat(guest.memory.readI32(written)).isEqualTo(1024 * 1024);
  }

  @Test
  void fdReadCopiesWhatThereIsNotWhatTheGuestAsksFor() {
    Guest guest = bigGuest(Guest.settings().stdin("0123456789".repeat(1000)));
    int iovs = guest.iovecs(1024 * 1024, HUGE);
    int nread = guest.alloc(4);
    long allocated = allocatedBy(() -> guest.wasi("fd_read", 0, iovs, 1, nread));
    assertThat(allocated).isLessThan(BOUND);
    assertThat(guest.string(1024 * 1024, 10)).isEqualTo("0123456789");
  }

  /**
   * Deterministic randomness, whose generator is the host's own: one 64 KiB chunk, and nothing per block. (The
   * JDK's SecureRandom, used otherwise, makes garbage of its own per call; the host's chunk is bounded the same.)
   */
  @Test
  void randomGetUsesOneChunkWhateverTheLength() {
    Guest seeded = bigGuest(Guest.settings().deterministic());
    assertThat(allocatedBy(() -> seeded.wasi("random_get", 1024 * 1024, HUGE))).isLessThan(2 * BOUND);
    assertThat(seeded.memory.read(1024 * 1024 + HUGE - 64, 64)).as("filled to the end").isNotEqualTo(new byte[64]);
  }

  @Test
  void pathsLongerThan4KiBAreRefusedUnread() {
    Guest guest = bigGuest(Guest.settings());
    int result = guest.alloc(4);
    long allocated = allocatedBy(() -> {
      assertThat(guest.wasi("path_open", FdTable.ROOT_FD, 0, 1024 * 1024, HUGE, 0, -1L, -1L, 0, result))
          .isEqualTo(Errno.NAMETOOLONG);
      return 0;
    });
    assertThat(allocated).isLessThan(BOUND);
  }

  @Test
  void rpcRequestsLongerThan64KiBAreAnsweredUnread() {
    Guest guest = bigGuest(Guest.settings().handler((request, timeout) -> request));
    int responsePointer = guest.alloc(4);
    long allocated = allocatedBy(() -> (int) guest.host("rpc_call", 1024 * 1024, HUGE, responsePointer)[0]);
    assertThat(allocated).isLessThan(BOUND);
    int length = (int) guest.host("rpc_call", 1024 * 1024, HUGE, responsePointer)[0];
    assertThat(guest.string(guest.memory.readI32(responsePointer), length)).contains("-32600", "larger than 65536");
  }

  @Test
  void fdReaddirHoldsOneEntryAtATimeWhateverTheBuffer() {
    Guest guest = bigGuest(Guest.settings());
    for (int i = 0; i < 100; i++) {
      guest.wasi("fd_close", guest.open("file-" + i, WasiFilesTest.CREAT));
    }
    int used = guest.alloc(4);
    long allocated = allocatedBy(() -> guest.wasi("fd_readdir", FdTable.ROOT_FD, 1024 * 1024, HUGE, 0L, used));
    assertThat(guest.memory.readI32(used)).as("all 103 entries").isGreaterThan(103 * 24);
    assertThat(allocated).isLessThan(BOUND);
  }

  @Test
  void assemblyScriptStringsAreReadUpTo1024CodeUnitsWhateverTheirHeaderSays() {
    Guest guest = bigGuest(Guest.settings().maxOutput(4096));
    int string = 1024 * 1024;
    guest.memory.writeI32(string - 4, HUGE);
    guest.memory.write(string, "a\0".repeat(2048).getBytes(StandardCharsets.ISO_8859_1));
    long allocated = allocatedBy(() -> {
      assertThat(AssemblyScriptStrings.read(guest.call, string)).isEqualTo("a".repeat(1024) + "…");
      return 0;
    });
    assertThat(allocated).isLessThan(BOUND);
    long traced = allocatedBy(() -> {
      guest.env.function(HostCatalog.ENV, "trace").call(guest.call, new long[] {string, 0, 0, 0, 0, 0, 0});
      return 0;
    });
    assertThat(traced).isLessThan(BOUND);
    assertThat(guest.env.stderr()).hasSize(2 * ("trace: " + "a".repeat(1024) + "…\n").getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void pollOneoffTakesUpTo1024Subscriptions() {
    Guest guest = Guest.settings().deterministic().guest();
    ByteBuffer subscriptions = ByteBuffer.allocate(1025 * 48).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 1025; i++) {
      subscriptions.putLong(i * 48, i).put(i * 48 + 8, (byte) 0).putInt(i * 48 + 16, 1).putLong(i * 48 + 24, 0);
    }
    int in = guest.put(subscriptions.array());
    int out = guest.alloc(1025 * 32);
    int count = guest.alloc(4);
    assertThat(guest.wasi("poll_oneoff", in, out, WasiPoll.MAX_SUBSCRIPTIONS, count)).isZero();
    assertThat(guest.memory.readI32(count)).isEqualTo(1024);
    assertThat(guest.memory.readI64(out + 1023 * 32)).as("the last event's userdata").isEqualTo(1023);
    assertThat(guest.wasi("poll_oneoff", in, out, WasiPoll.MAX_SUBSCRIPTIONS + 1, count)).isEqualTo(Errno.INVAL);
    assertThat(guest.wasi("poll_oneoff", in, out, -1, count)).isEqualTo(Errno.INVAL);
  }

  @Test
  void pollOneoffChecksBothArraysBeforeDoingAnything() {
    Guest guest = Guest.settings().deterministic().guest();
    int in = guest.alloc(48);
    assertThat(guest.wasi("poll_oneoff", in, Guest.MEMORY_SIZE - 16, 1, guest.alloc(4))).isEqualTo(Errno.FAULT);
    assertThat(guest.wasi("poll_oneoff", Guest.MEMORY_SIZE - 16, in, 1, guest.alloc(4))).isEqualTo(Errno.FAULT);
  }
}
