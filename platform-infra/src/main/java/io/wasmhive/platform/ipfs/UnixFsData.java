package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.ProtoWriter;
import java.util.Arrays;

/**
 * The UnixFS Data protobuf in a dag-pb node's Data field, as far as files need it: Type, Data, filesize (-1 when
 * absent) and blocksizes. Encoded in field order (1, 2, 3, 4 unpacked) as the JavaScript reference does.
 * Immutable and thread-safe.
 */
record UnixFsData(int type, byte[] data, long filesize, long[] blocksizes) {

  /** Type Raw: a leaf of data, as old go-ipfs wrote. */
  public static final int TYPE_RAW = 0;
  /** Type File. */
  public static final int TYPE_FILE = 2;

  /** Copies the block sizes. */
  public UnixFsData {
    blocksizes = blocksizes.clone();
  }

  /** The protobuf encoding; empty data is left out, as the reference does. */
  public byte[] encode() {
    ProtoWriter out = new ProtoWriter(16 + (data == null ? 0 : data.length) + blocksizes.length * 4);
    out.varint(1, type);
    if (data != null && data.length > 0) {
      out.bytes(2, data);
    }
    if (filesize >= 0) {
      out.varint(3, filesize);
    }
    for (long size : blocksizes) {
      out.varint(4, size);
    }
    return out.toByteArray();
  }

  /** Decodes UnixFS Data; unknown fields (hashType, fanout, mode, mtime) are skipped. Linear in its length. */
  public static UnixFsData decode(byte[] bytes) {
    return decode(bytes, Integer.MAX_VALUE);
  }

  /**
   * Decodes UnixFS Data that may hold at most {@code maxBlocksizes} blocksizes (a file node has one per link): one
   * more is malformed, and refused before more are held, so a block of varints cannot make this hold eight bytes
   * for each of its bytes. Linear in the length of {@code bytes}.
   */
  public static UnixFsData decode(byte[] bytes, int maxBlocksizes) {
    ProtoReader in = new ProtoReader(bytes, "UnixFS Data");
    int type = -1;
    byte[] data = null;
    long filesize = -1;
    Blocksizes sizes = new Blocksizes(maxBlocksizes);
    for (int field = in.nextField(); field >= 0; field = in.nextField()) {
      switch (field) {
        case 1 -> type = (int) in.varint("Type");
        case 2 -> data = in.bytes("Data");
        case 3 -> filesize = in.varint("filesize");
        case 4 -> sizes.read(in);
        default -> in.skip(field);
      }
    }
    if (type < 0) {
      throw new MalformedDataException("UnixFS Data without Type");
    }
    return new UnixFsData(type, data == null ? new byte[0] : data, filesize, sizes.toArray());
  }

  /** Blocksizes as they are read, packed or not; the array grows by doubling so that decoding stays linear. */
  private static final class Blocksizes {

    private final int max;
    private long[] values = new long[8];
    private int count;

    Blocksizes(int max) {
      this.max = max;
    }

    void read(ProtoReader in) {
      if (in.wireType() != ProtoReader.LENGTH_DELIMITED) {
        add(in.varint("blocksizes"));
        return;
      }
      ByteCursor packed = new ByteCursor(in.bytes("blocksizes"));
      while (!packed.done()) {
        add(packed.readVarint());
      }
    }

    private void add(long size) {
      if (count == max) {
        throw new MalformedDataException("UnixFS Data: more than " + max + " blocksizes (one per link)");
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, 2 * count);
      }
      values[count++] = size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, count);
    }
  }
}
