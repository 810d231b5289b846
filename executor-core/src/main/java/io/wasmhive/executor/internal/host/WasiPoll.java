package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal {@code poll_oneoff}: descriptors are always ready (everything is in memory), so when any
 * descriptor is subscribed those events are reported at once; otherwise the host sleeps until the
 * earliest clock subscription (see {@link HostClock#sleep}) and reports the clocks that are due.
 */
final class WasiPoll {

  /**
   * The most subscriptions one call may carry; more is EINVAL. A fixed bound rather than one derived from the
   * guest's memory size, so the host's work per call does not grow with what the guest asks.
   */
  static final int MAX_SUBSCRIPTIONS = 1024;

  private static final int SUBSCRIPTION_SIZE = 48;
  private static final int EVENT_SIZE = 32;
  private static final int TAG_CLOCK = 0;
  private static final int FLAG_ABSTIME = 1;

  private final HostClock clock;
  private final FdTable fds;

  WasiPoll(HostClock clock, FdTable fds) {
    this.clock = clock;
    this.fds = fds;
  }

  void register(FunctionTable table) {
    table.wasi("poll_oneoff", this::pollOneoff);
  }

  /** One subscription as read from guest memory. */
  private record Subscription(long userdata, int tag, int clockId, long timeout, int flags, int fd) {
  }

  private int pollOneoff(CallArgs args) {
    GuestMemory memory = args.memory();
    long count = args.u32(2);
    if (count == 0 || count > MAX_SUBSCRIPTIONS) {
      return Errno.INVAL;
    }
    // Both arrays must lie in memory before anything is read, slept or written.
    CallArgs.requireInBounds(memory, args.i32(0), count * SUBSCRIPTION_SIZE);
    CallArgs.requireInBounds(memory, args.i32(1), count * EVENT_SIZE);
    List<Subscription> subscriptions = read(memory, args.i32(0), (int) count);
    List<byte[]> events = subscriptions.stream().anyMatch(s -> s.tag() != TAG_CLOCK)
        ? descriptorEvents(subscriptions)
        : clockEvents(subscriptions);
    int out = args.i32(1);
    for (int i = 0; i < events.size(); i++) {
      memory.write(out + i * EVENT_SIZE, events.get(i));
    }
    memory.writeI32(args.i32(3), events.size());
    return Errno.SUCCESS;
  }

  private static List<Subscription> read(GuestMemory memory, int address, int count) {
    List<Subscription> subscriptions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ByteBuffer s = ByteBuffer.wrap(memory.read(address + i * SUBSCRIPTION_SIZE, SUBSCRIPTION_SIZE))
          .order(ByteOrder.LITTLE_ENDIAN);
      int tag = s.get(8);
      if (tag < 0 || tag > 2) {
        throw new WasiError(Errno.INVAL);
      }
      subscriptions.add(new Subscription(s.getLong(0), tag, s.getInt(16), s.getLong(24),
          s.getShort(40) & 0xffff, s.getInt(16)));
    }
    return subscriptions;
  }

  private List<byte[]> descriptorEvents(List<Subscription> subscriptions) {
    List<byte[]> events = new ArrayList<>();
    for (Subscription s : subscriptions) {
      if (s.tag() == TAG_CLOCK) {
        continue;
      }
      try {
        Descriptor descriptor = fds.get(s.fd());
        // Writes are never short of room: report one byte of headroom, as the spec only asks for a hint.
        events.add(event(s, Errno.SUCCESS, s.tag() == 1 ? descriptor.readable() : 1));
      } catch (WasiError e) {
        events.add(event(s, e.errno(), 0));
      }
    }
    return events;
  }

  private List<byte[]> clockEvents(List<Subscription> subscriptions) {
    long[] delays = new long[subscriptions.size()];
    long shortest = Long.MAX_VALUE;
    for (int i = 0; i < delays.length; i++) {
      delays[i] = delay(subscriptions.get(i));
      shortest = Math.min(shortest, delays[i]);
    }
    clock.sleep(shortest);
    List<byte[]> events = new ArrayList<>();
    for (int i = 0; i < delays.length; i++) {
      if (delays[i] <= shortest) {
        events.add(event(subscriptions.get(i), Errno.SUCCESS, 0));
      }
    }
    return events;
  }

  /** Nanoseconds until a clock subscription is due; an absolute one is measured against its own clock. */
  private long delay(Subscription s) {
    if ((s.flags() & FLAG_ABSTIME) == 0) {
      HostClock.requireKnown(s.clockId());
      // The timeout is an unsigned 64-bit count: above 2^63 it means "practically never".
      return s.timeout() < 0 ? Long.MAX_VALUE : s.timeout();
    }
    return Math.max(0, s.timeout() - clock.now(s.clockId()));
  }

  private static byte[] event(Subscription s, int errno, long bytes) {
    ByteBuffer event = ByteBuffer.allocate(EVENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    event.putLong(0, s.userdata()).putShort(8, (short) errno).put(10, (byte) s.tag()).putLong(16, bytes);
    return event.array();
  }
}
