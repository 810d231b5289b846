package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Base32;
import io.wasmhive.platform.ipfs.internal.Base58;
import io.wasmhive.platform.ipfs.internal.Sha256;
import io.wasmhive.platform.ipfs.internal.Varint;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A content identifier limited to what UnixFS files use: CIDv0 ({@code Qm…}, base58btc, dag-pb) and CIDv1
 * (codec raw or dag-pb), both with a sha2-256 multihash. Immutable and thread-safe. Two CIDs are equal when version,
 * codec and digest are; a CIDv0 and its {@link #toV1()} form name the same block but are not equal.
 */
public final class Cid {

  private static final int SHA2_256 = 0x12;
  private static final int V0_TEXT_LENGTH = 46;

  private final int version;
  private final Codec codec;
  private final byte[] digest;

  private Cid(int version, Codec codec, byte[] digest) {
    this.version = version;
    this.codec = codec;
    this.digest = digest;
  }

  /**
   * The CID with this version, codec and sha2-256 {@code digest}.
   *
   * @throws InvalidCidException for version 0 with codec raw, another version, or a digest not 32 bytes long
   */
  public static Cid of(int version, Codec codec, byte[] digest) {
    if (version != 0 && version != 1) {
      throw new InvalidCidException("unsupported CID version " + version);
    }
    if (version == 0 && codec != Codec.DAG_PB) {
      throw new InvalidCidException("CIDv0 is always dag-pb, not " + codec);
    }
    if (digest.length != Sha256.LENGTH) {
      throw new InvalidCidException("sha2-256 digest length " + digest.length + ", expected 32");
    }
    return new Cid(version, codec, digest.clone());
  }

  /** The CIDv1 raw ({@code bafkrei…}) of {@code bytes}: what {@code ipfs add --cid-version=1} prints for one block. */
  public static Cid rawOf(byte[] bytes) {
    return new Cid(1, Codec.RAW, Sha256.digest(bytes));
  }

  /**
   * Parses a CID in text: CIDv0 ({@code Qm…}, 46 characters) or CIDv1 in multibase base32 ({@code b…}) or
   * base58btc ({@code z…}).
   *
   * @throws InvalidCidException naming what is wrong
   */
  public static Cid parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidCidException("empty CID");
    }
    if (text.length() == V0_TEXT_LENGTH && text.startsWith("Qm")) {
      return fromV0Multihash(decode(text, false));
    }
    char prefix = text.charAt(0);
    if (prefix != 'b' && prefix != 'z') {
      throw new InvalidCidException("unsupported multibase prefix '" + prefix + "' in " + abbreviate(text)
          + " (expected 'b' base32, 'z' base58btc, or a 46-character CIDv0 'Qm…')");
    }
    byte[] bytes = decode(text.substring(1), prefix == 'b');
    if (isV0Multihash(bytes)) {
      throw new InvalidCidException("a CIDv0 multihash may not carry a multibase prefix: " + abbreviate(text));
    }
    return fromBytes(bytes);
  }

  /**
   * Decodes a binary CID (CIDv0: the 34-byte multihash; CIDv1: version, codec, multihash), all of {@code bytes}.
   *
   * @throws InvalidCidException naming what is wrong
   */
  public static Cid fromBytes(byte[] bytes) {
    ByteCursor cursor = new ByteCursor(bytes);
    Cid cid = read(cursor);
    if (!cursor.done()) {
      throw new InvalidCidException(cursor.remaining() + " trailing bytes after the CID");
    }
    return cid;
  }

  /** Reads one binary CID at the cursor and leaves the cursor after it. */
  static Cid read(ByteCursor cursor) {
    try {
      if (cursor.remaining() >= 2 && peekV0(cursor)) {
        return new Cid(0, Codec.DAG_PB, readDigest(cursor));
      }
      long version = cursor.readVarint();
      if (version != 1) {
        throw new InvalidCidException("unsupported CID version " + version);
      }
      Codec codec = Codec.of(cursor.readVarint());
      return new Cid(1, codec, readDigest(cursor));
    } catch (MalformedDataException e) {
      throw new InvalidCidException("malformed CID: " + e.getMessage());
    }
  }

  private static boolean peekV0(ByteCursor cursor) {
    ByteCursor peek = cursor.copy();
    return peek.readByte() == SHA2_256 && peek.readByte() == Sha256.LENGTH;
  }

  private static byte[] readDigest(ByteCursor cursor) {
    long hash = cursor.readVarint();
    if (hash != SHA2_256) {
      throw new InvalidCidException("unsupported multihash 0x" + Long.toHexString(hash) + " (supported: sha2-256 0x12)");
    }
    long length = cursor.readVarint();
    if (length != Sha256.LENGTH) {
      throw new InvalidCidException("sha2-256 digest length " + length + ", expected 32");
    }
    if (cursor.remaining() < Sha256.LENGTH) {
      throw new InvalidCidException("truncated multihash: " + cursor.remaining() + " of 32 digest bytes");
    }
    return cursor.readBytes(Sha256.LENGTH);
  }

  private static Cid fromV0Multihash(byte[] bytes) {
    if (bytes.length != 34 || !isV0Multihash(bytes)) {
      throw new InvalidCidException("CIDv0 must be a 34-byte sha2-256 multihash, got " + bytes.length + " bytes");
    }
    return new Cid(0, Codec.DAG_PB, Arrays.copyOfRange(bytes, 2, 34));
  }

  private static boolean isV0Multihash(byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == SHA2_256 && bytes[1] == Sha256.LENGTH;
  }

  private static byte[] decode(String text, boolean base32) {
    try {
      return base32 ? Base32.decode(text) : Base58.decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidCidException("invalid CID text: " + e.getMessage());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? "\"" + text + "\"" : "\"" + text.substring(0, 80) + "…\"";
  }

  /** 0 or 1. */
  public int version() {
    return version;
  }

  /** What the block is: raw bytes or a dag-pb node. */
  public Codec codec() {
    return codec;
  }

  /** The 32-byte SHA-256 digest of the block, copied. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The multihash: 0x12 0x20 and the digest. */
  public byte[] multihash() {
    byte[] out = new byte[2 + Sha256.LENGTH];
    out[0] = SHA2_256;
    out[1] = Sha256.LENGTH;
    System.arraycopy(digest, 0, out, 2, Sha256.LENGTH);
    return out;
  }

  /** The binary form: the multihash for CIDv0; version, codec and multihash for CIDv1. */
  public byte[] bytes() {
    if (version == 0) {
      return multihash();
    }
    byte[] out = new byte[1 + Varint.size(codec.code()) + 2 + Sha256.LENGTH];
    int pos = Varint.write(1, out, 0);
    pos = Varint.write(codec.code(), out, pos);
    out[pos++] = SHA2_256;
    out[pos++] = Sha256.LENGTH;
    System.arraycopy(digest, 0, out, pos, Sha256.LENGTH);
    return out;
  }

  /** The CIDv1 naming the same block (itself if already v1). */
  public Cid toV1() {
    return version == 1 ? this : new Cid(1, codec, digest);
  }

  /**
   * The CIDv0 naming the same block (itself if already v0).
   *
   * @throws InvalidCidException for a raw CID, which has no CIDv0 form
   */
  public Cid toV0() {
    if (codec != Codec.DAG_PB) {
      throw new InvalidCidException(this + " is raw; only dag-pb CIDs have a CIDv0 form");
    }
    return version == 0 ? this : new Cid(0, codec, digest);
  }

  /** Whether {@code block} hashes to this CID's digest (the codec is not checked). */
  public boolean verifies(byte[] block) {
    return MessageDigest.isEqual(Sha256.digest(block), digest);
  }

  /** Whether the SHA-256 {@code sha256} equals this CID's digest. */
  public boolean hasDigest(byte[] sha256) {
    return MessageDigest.isEqual(sha256, digest);
  }

  /** The canonical text: base58btc for CIDv0, multibase base32 lower-case ({@code b…}) for CIDv1. */
  @Override
  public String toString() {
    return version == 0 ? Base58.encode(multihash()) : "b" + Base32.encode(bytes());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cid cid && cid.version == version && cid.codec == codec
        && Arrays.equals(cid.digest, digest);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(digest) * 31 + codec.hashCode()) * 31 + version;
  }
}
