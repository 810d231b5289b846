package io.wasmhive.platform.ipfs;

/**
 * Where readers get blocks by CID: a map of blocks from a CAR, a store, a gateway. Readers verify every block they get
 * against its CID, so a source need not.
 */
@FunctionalInterface
public interface BlockSource {

  /** The bytes of the block {@code cid}, or null when the source does not have it. May block. */
  byte[] get(Cid cid);
}
