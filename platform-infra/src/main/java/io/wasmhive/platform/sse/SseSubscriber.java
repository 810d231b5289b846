package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.StreamIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One connected SSE client. Frames are queued (at most {@code capacity}; one more closes the connection as too
 * slow, so a slow client never holds up the reader or other clients) and written with servlet non-blocking output:
 * whichever thread queues a frame writes what the socket takes without waiting, and the container calls
 * {@link #onWritePossible()} when it takes more. No thread waits for a client.
 *
 * <p>Before {@link #goLive()} (while the request thread replays missed events with blocking writes) frames only
 * queue; once live, frames whose id is not after {@link #skipThrough} are dropped, so the switch from replay to
 * live has neither a gap nor a duplicate. A frame its filter {@linkplain SseFilter#endsWith ends with} is the last:
 * once it is written and flushed the response is completed. Thread-safe.
 */
final class SseSubscriber<E extends SseEvent> implements WriteListener, AsyncListener {

  private static final Log logger = LogFactory.getLog(SseSubscriber.class);

  private record Frame(String id, byte[] bytes, boolean last) {
  }

  private final SseFilter<E> filter;
  private final int capacity;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final SseHub<E> hub;
  private final String principal;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger workInProgress = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReentrantLock writing = new ReentrantLock();
  private volatile boolean live;
  private volatile boolean lastQueued;
  private volatile String skipThrough;
  private volatile long lastActivityNanos = System.nanoTime();
  // Touched only inside the drain loop, which one thread at a time runs.
  private boolean unflushed;
  private boolean ending;

  /**
   * A subscriber of an async request.
   *
   * @param hub told once when it stops taking frames, and once when the container has completed its request
   */
  SseSubscriber(String principal, SseFilter<E> filter, int capacity, AsyncContext async, ServletOutputStream out,
      SseHub<E> hub) {
    this.principal = principal;
    this.filter = filter;
    this.capacity = capacity;
    this.async = async;
    this.out = out;
    this.hub = hub;
  }

  SseFilter<E> filter() {
    return filter;
  }

  /** Queues the event if this client may see it. Never blocks. */
  void offer(E event) {
    if (filter.matches(event)) {
      enqueue(new Frame(event.id(), event.frame(), filter.endsWith(event)));
    }
  }

  /** Queues a frame that every subscriber gets whatever its filter (a notice without an id). Never blocks. */
  void offerNotice(byte[] frame) {
    enqueue(new Frame(null, frame, false));
  }

  /** Queues a heartbeat when nothing was queued for at least {@code idleNanos}. Never blocks. */
  void heartbeatIfIdle(long now, long idleNanos) {
    if (live && now - lastActivityNanos >= idleNanos) {
      enqueue(new Frame(null, SseFrames.HEARTBEAT, false));
    }
  }

  /** Live frames with an id up to this one (inclusive) were replayed already and are dropped. */
  void skipThrough(String id) {
    this.skipThrough = id;
  }

  /** Switches to non-blocking writes of the queued and future frames; call once, after the replay. */
  void goLive() {
    out.setWriteListener(this);
    live = true;
    drain();
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Ends the response (if not ended) and frees this subscriber's place. Idempotent; never blocks. */
  void close() {
    close("closed by the server", true);
  }

  /**
   * Frees this subscriber's place (once) and, when {@code complete}, completes the request. After a failed write
   * the request is not completed here: the container reports the failure to {@link #onError(Throwable)} on one of
   * its own threads, which completes it then; completing it from this thread while the container handles the
   * failure would race with the container's own clean-up of the connection.
   *
   * @return whether this call closed it (false if it was closed already)
   */
  private boolean close(String reason, boolean complete) {
    boolean closedNow = false;
    // Under the write lock: once a write in flight has finished, no other starts, and only then may the request be
    // completed (and its response object recycled by the container for another connection).
    writing.lock();
    try {
      if (closed.compareAndSet(false, true)) {
        closedNow = true;
        if (logger.isDebugEnabled()) {
          logger.debug("SSE subscriber " + filter + " ends: " + reason);
        }
        queue.clear();
        hub.remove(this);
      }
    } finally {
      writing.unlock();
    }
    if (complete) {
      try {
        async.complete();
      } catch (IllegalStateException alreadyDone) {
        // The request is completed already (client gone, error or shutdown).
      }
    }
    return closedNow;
  }

  private void enqueue(Frame frame) {
    if (closed.get() || lastQueued) {
      return;
    }
    if (queued.incrementAndGet() > capacity) {
      if (close("too slow: " + capacity + " frames queued", true)) {
        hub.tooSlow();
      }
      return;
    }
    lastActivityNanos = System.nanoTime();
    if (frame.last()) {
      lastQueued = true;
    }
    queue.add(frame);
    if (live) {
      drain();
    }
  }

  /**
   * Writes queued frames while the socket takes them. One thread runs the loop at a time; a thread that finds it
   * running only counts one more round for the running one, so no frame is left behind. Writes are non-blocking,
   * so the lock is held only briefly.
   */
  private void drain() {
    if (workInProgress.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    writing.lock();
    try {
      do {
        writeWhileReady();
        missed = workInProgress.addAndGet(-missed);
      } while (missed != 0);
    } catch (IOException | RuntimeException e) {
      close("write failed: " + e, false);
    } finally {
      writing.unlock();
    }
  }

  private void writeWhileReady() throws IOException {
    while (!closed.get() && out.isReady()) {
      Frame frame = ending ? null : queue.poll();
      if (frame == null) {
        if (unflushed) {
          unflushed = false;
          out.flush();
          continue;
        }
        if (ending) {
          close("the stream ended", true);
        }
        return;
      }
      queued.decrementAndGet();
      String skip = skipThrough;
      if (frame.id() != null && skip != null && StreamIds.compare(frame.id(), skip) <= 0) {
        // Replayed already; if it was the last, the replay ended the stream.
        continue;
      }
      out.write(frame.bytes());
      unflushed = true;
      ending = frame.last();
    }
  }

  @Override
  public void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable failure) {
    close("write failed: " + failure, true);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    close("request completed", false);
    if (finished.compareAndSet(false, true)) {
      hub.finished();
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    close("timed out", true);
  }

  @Override
  public void onError(AsyncEvent event) {
    close("async error: " + event.getThrowable(), true);
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // Not restarted.
  }

  /** The principal whose connection this is. */
  String principal() {
    return principal;
  }
}
