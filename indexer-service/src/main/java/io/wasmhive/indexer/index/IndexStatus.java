package io.wasmhive.indexer.index;

import java.util.Locale;

/** The status of an index job, in the words of the IPFS Pinning Service API. */
public enum IndexStatus {
  QUEUED, PINNING, PINNED, FAILED;

  /** The wire form: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
