package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Varint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a CARv1 stream section by section: the header on {@link #open}, then one verified block per {@link #next()}.
 * Counts every byte it consumes and fails with {@link SizeLimitExceededException} before reading a section that would
 * take the stream past the limit, so it never holds more than one section of at most {@link #MAX_SECTION} bytes.
 * Reads the stream a byte at a time for varints: give it a buffered stream. Not thread-safe.
 */
public final class CarReader {

  /** The largest header accepted. */
  public static final int MAX_HEADER = 64 * 1024;
  /** The largest section (CID and block) accepted: twice the 2 MiB block limit IPFS peers use. */
  public static final int MAX_SECTION = 4 * 1024 * 1024;

  private final InputStream in;
  private final long limit;
  private final List<Cid> roots;
  private long bytesRead;

  private CarReader(InputStream in, long limit, byte[] header, long headerBytes) {
    this.in = in;
    this.limit = limit;
    this.roots = CarHeader.decode(header);
    this.bytesRead = headerBytes;
  }

  /**
   * Reads the header of the CAR stream {@code in}, which may hold at most {@code limit} bytes in all. Blocks while
   * reading; does not close {@code in}.
   */
  public static CarReader open(InputStream in, long limit) throws IOException {
    long length = VarintReader.read(in);
    if (length < 0) {
      throw new MalformedDataException("empty CAR stream");
    }
    long consumed = Varint.size(length);
    if (length > MAX_HEADER) {
      throw new MalformedDataException("CAR header of " + length + " bytes (at most " + MAX_HEADER + ")");
    }
    checkLimit(consumed + length, limit);
    return new CarReader(in, limit, readFully(in, (int) length), consumed + length);
  }

  /** The roots the header names. */
  public List<Cid> roots() {
    return roots;
  }

  /** Bytes consumed from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * The next block, verified against its CID, or null at the end of the stream. Blocks while reading.
   *
   * @throws BlockMismatchException when a block's bytes do not hash to its CID
   * @throws SizeLimitExceededException before reading a section that would pass the limit
   * @throws MalformedDataException on truncated or malformed sections
   */
  public Block next() throws IOException {
    long length = VarintReader.read(in);
    if (length < 0) {
      return null;
    }
    if (length > MAX_SECTION) {
      throw new MalformedDataException("CAR section of " + length + " bytes (at most " + MAX_SECTION + ")");
    }
    checkLimit(bytesRead + Varint.size(length) + length, limit);
    byte[] section = readFully(in, (int) length);
    bytesRead += Varint.size(length) + length;
    ByteCursor cursor = new ByteCursor(section);
    Cid cid = sectionCid(cursor);
    return Block.verified(cid, cursor.readBytes(cursor.remaining()));
  }

  private static Cid sectionCid(ByteCursor cursor) {
    try {
      return Cid.read(cursor);
    } catch (InvalidCidException e) {
      throw new MalformedDataException("CAR section: " + e.getMessage());
    }
  }

  private static void checkLimit(long total, long limit) {
    if (total > limit) {
      throw new SizeLimitExceededException("CAR stream (at least " + total + " bytes)", limit);
    }
  }

  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new MalformedDataException("CAR stream ends " + (length - bytes.length) + " bytes into a "
          + length + "-byte section");
    }
    return bytes;
  }
}
