package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Engine;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A daemon thread that advances the engine's epoch at a fixed tick, which is what interrupts guests. */
final class EpochTicker implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;

  EpochTicker(Engine engine, Duration tick) {
    long tickNanos = tick.toNanos();
    this.thread = new Thread(() -> {
      while (running) {
        LockSupport.parkNanos(tickNanos);
        engine.incrementEpoch();
      }
    }, "wasmhive-epoch-ticker");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
