package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WasiPollTest {

  @Test
  void deterministicClockSubscriptionAdvancesVirtualTime() {
    Guest guest = Guest.settings().deterministic().guest();
    long before = time(guest);
    int events = guest.alloc(32);
    int count = guest.alloc(4);
    int subscriptions = guest.put(clock(11, 5_000_000_000L));
    assertThat(guest.wasi("poll_oneoff", subscriptions, events, 1, count)).isZero();
    assertThat(guest.memory.readI32(count)).isEqualTo(1);
    assertThat(guest.memory.readI64(events)).isEqualTo(11);
    assertThat(guest.memory.read(events + 10, 1)[0]).isZero();
    assertThat(time(guest) - before).isEqualTo(5_000_000_000L + 1_000);
  }

  @Test
  void realSleepStopsAtTheDeadline() {
    Guest guest = Guest.settings().deadlineIn(50).guest();
    long start = System.nanoTime();
    int subscriptions = guest.put(clock(1, 60_000_000_000L));
    assertThat(guest.wasi("poll_oneoff", subscriptions, guest.alloc(32), 1, guest.alloc(4))).isZero();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void descriptorSubscriptionsAreReadyAtOnce() {
    Guest guest = Guest.settings().stdin("abc").guest();
    ByteBuffer subscriptions = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
    subscriptions.put(clock(1, 60_000_000_000L));
    subscriptions.putLong(48, 2).put(56, (byte) 1).putInt(64, 0);
    int events = guest.alloc(64);
    int count = guest.alloc(4);
    long start = System.nanoTime();
    assertThat(guest.wasi("poll_oneoff", guest.put(subscriptions.array()), events, 2, count)).isZero();
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    assertThat(guest.memory.readI32(count)).isEqualTo(1);
    assertThat(guest.memory.readI64(events)).isEqualTo(2);
    assertThat(guest.memory.read(events + 10, 1)[0]).isEqualTo((byte) 1);
    assertThat(guest.memory.readI64(events + 16)).isEqualTo(3);
  }

  @Test
  void noSubscriptionsIsInvalid() {
    Guest guest = new Guest();
    assertThat(guest.wasi("poll_oneoff", guest.alloc(48), guest.alloc(32), 0, guest.alloc(4))).isEqualTo(Errno.INVAL);
  }

  private static byte[] clock(long userdata, long timeoutNanos) {
    ByteBuffer subscription = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    subscription.putLong(0, userdata).put(8, (byte) 0).putInt(16, 1).putLong(24, timeoutNanos);
    return subscription.array();
  }

  private static long time(Guest guest) {
    int result = guest.alloc(8);
    guest.wasi("clock_time_get", 1, 0L, result);
    return guest.memory.readI64(result);
  }
}
