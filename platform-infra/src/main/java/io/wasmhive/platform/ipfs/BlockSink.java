package io.wasmhive.platform.ipfs;

/** Receives the blocks an import produces, each once, children before their parents. */
@FunctionalInterface
public interface BlockSink {

  /** A sink that drops every block: for computing a root CID only. */
  BlockSink DISCARD = block -> { };

  /** Takes one block; called on the importing thread. */
  void accept(Block block);
}
