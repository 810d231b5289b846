package io.wasmhive.indexer.chain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps the real web3j source and records the block ranges asked for, to see how the watcher chunks. */
final class RecordingLogSource implements RegistryLogSource {

  final List<long[]> ranges = new CopyOnWriteArrayList<>();
  private final RegistryLogSource real;

  RecordingLogSource(RegistryLogSource real) {
    this.real = real;
  }

  @Override
  public long chainId() {
    return real.chainId();
  }

  @Override
  public long headBlock() {
    return real.headBlock();
  }

  @Override
  public List<RegistryEvent> events(long from, long to) {
    ranges.add(new long[] {from, to});
    return real.events(from, to);
  }
}
