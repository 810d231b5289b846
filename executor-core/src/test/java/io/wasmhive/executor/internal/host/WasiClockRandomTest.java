package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasiClockRandomTest {

  @Test
  void deterministicRunsWithTheSameIdObserveTheSameValues() {
    assertThat(observe(Guest.settings().id("exec-42").deterministic().guest()))
        .isEqualTo(observe(Guest.settings().id("exec-42").deterministic().guest()));
  }

  @Test
  void deterministicRunsWithDifferentIdsDiffer() {
    List<Long> first = observe(Guest.settings().id("exec-42").deterministic().guest());
    List<Long> second = observe(Guest.settings().id("exec-43").deterministic().guest());
    assertThat(first.get(0)).isNotEqualTo(second.get(0));
    assertThat(first.subList(3, first.size())).isNotEqualTo(second.subList(3, second.size()));
  }

  @Test
  void deterministicRealtimeStartsOn2024_01_01AndTicksOneMicrosecondPerRead() {
    Guest guest = Guest.settings().id("exec-42").deterministic().guest();
    long first = time(guest, 0);
    long second = time(guest, 0);
    long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    assertThat(first).isBetween(start, start + 86_400_000_000_000L);
    assertThat(second - first).isEqualTo(1_000);
    long monotonic = time(guest, 1);
    assertThat(time(guest, 1) - monotonic).isEqualTo(1_000);
    int resolution = guest.alloc(8);
    assertThat(guest.wasi("clock_res_get", 0, resolution)).isZero();
    assertThat(guest.memory.readI64(resolution)).isEqualTo(1_000);
  }

  @Test
  void deterministicRandomIsOneStreamHoweverItIsSplit() {
    Guest whole = Guest.settings().id("exec-7").deterministic().guest();
    Guest pieces = Guest.settings().id("exec-7").deterministic().guest();
    int all = whole.alloc(100);
    assertThat(whole.wasi("random_get", all, 100)).isZero();
    int a = pieces.alloc(100);
    assertThat(pieces.wasi("random_get", a, 33)).isZero();
    assertThat(pieces.wasi("random_get", a + 33, 67)).isZero();
    assertThat(pieces.memory.read(a, 100)).isEqualTo(whole.memory.read(all, 100));
  }

  @Test
  void normalModeUsesRealTimeAndSecureRandom() {
    Guest guest = new Guest();
    long before = Instant.now().toEpochMilli() * 1_000_000L;
    assertThat(time(guest, 0)).isBetween(before - 1_000_000_000L, before + 60_000_000_000L);
    assertThat(time(guest, 1)).isGreaterThanOrEqualTo(0);
    int buffer = guest.alloc(32);
    assertThat(guest.wasi("random_get", buffer, 32)).isZero();
    assertThat(guest.memory.read(buffer, 32)).isNotEqualTo(new byte[32]);
  }

  @Test
  void unknownClockAnswersEinvalAndBadBufferEfault() {
    Guest guest = new Guest();
    assertThat(guest.wasi("clock_time_get", 9, 0, guest.alloc(8))).isEqualTo(Errno.INVAL);
    assertThat(guest.wasi("random_get", Guest.MEMORY_SIZE - 4, 8)).isEqualTo(Errno.FAULT);
  }

  private static List<Long> observe(Guest guest) {
    List<Long> values = new ArrayList<>();
    values.add(time(guest, 0));
    values.add(time(guest, 1));
    values.add(time(guest, 0));
    int buffer = guest.alloc(64);
    guest.wasi("random_get", buffer, 64);
    for (int i = 0; i < 64; i += 8) {
      values.add(guest.memory.readI64(buffer + i));
    }
    return values;
  }

  private static long time(Guest guest, int clock) {
    int result = guest.alloc(8);
    assertThat(guest.wasi("clock_time_get", clock, 1L, result)).isZero();
    return guest.memory.readI64(result);
  }
}
