package io.wasmhive.platform.ipfs;

/** The multicodecs a {@link Cid} may name here: the block formats a UnixFS file is made of. */
public enum Codec {
  /** Plain bytes (0x55): a raw leaf, or a whole single-block file as CIDv1. */
  RAW(0x55),
  /** A protobuf PBNode (0x70): UnixFS nodes, and every CIDv0. */
  DAG_PB(0x70);

  private final int code;

  Codec(int code) {
    this.code = code;
  }

  /** The multicodec code. */
  public int code() {
    return code;
  }

  /** The codec with {@code code}, or an {@link InvalidCidException} naming it. */
  static Codec of(long code) {
    for (Codec codec : values()) {
      if (codec.code == code) {
        return codec;
      }
    }
    throw new InvalidCidException("unsupported codec 0x" + Long.toHexString(code)
        + " (supported: raw 0x55, dag-pb 0x70)");
  }
}
