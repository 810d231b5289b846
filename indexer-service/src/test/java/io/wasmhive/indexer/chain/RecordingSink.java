package io.wasmhive.indexer.chain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The edge of the unit: a sink that records what it accepted and can refuse the n-th event it is offered, once. */
final class RecordingSink implements RegistryEventSink {

  final List<RegistryEvent> accepted = new CopyOnWriteArrayList<>();
  final AtomicInteger offered = new AtomicInteger();
  private final int refuseOffer;

  /** A sink that refuses the {@code refuseOffer}-th offer (1-based) once; 0 refuses nothing. */
  RecordingSink(int refuseOffer) {
    this.refuseOffer = refuseOffer;
  }

  RecordingSink() {
    this(0);
  }

  @Override
  public void created(ModuleRegistered event) {
    offer(event);
  }

  @Override
  public void updated(ModuleUpdated event) {
    offer(event);
  }

  private void offer(RegistryEvent event) {
    if (offered.incrementAndGet() == refuseOffer) {
      throw new IllegalStateException("sink refuses offer " + refuseOffer + " once");
    }
    accepted.add(event);
  }
}
