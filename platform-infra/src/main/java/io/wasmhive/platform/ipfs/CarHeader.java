package io.wasmhive.platform.ipfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CARv1 header, dag-cbor {@code {"roots": [cid…], "version": 1}}, with just enough CBOR for it: maps, text,
 * arrays, tag 42 links and small unsigned integers. Encoded canonically (keys by length, then bytes) as the
 * JavaScript and Go writers do. Stateless and thread-safe.
 */
final class CarHeader {

  private static final int MAJOR_UNSIGNED = 0;
  private static final int MAJOR_BYTES = 2;
  private static final int MAJOR_TEXT = 3;
  private static final int MAJOR_ARRAY = 4;
  private static final int MAJOR_MAP = 5;
  private static final int MAJOR_TAG = 6;
  private static final int TAG_CID = 42;

  private CarHeader() {
  }

  /** The dag-cbor header naming {@code roots}. */
  public static byte[] encode(List<Cid> roots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    head(out, MAJOR_MAP, 2);
    text(out, "roots");
    head(out, MAJOR_ARRAY, roots.size());
    for (Cid root : roots) {
      byte[] cid = root.bytes();
      head(out, MAJOR_TAG, TAG_CID);
      head(out, MAJOR_BYTES, cid.length + 1);
      out.write(0);
      out.write(cid, 0, cid.length);
    }
    text(out, "version");
    head(out, MAJOR_UNSIGNED, 1);
    return out.toByteArray();
  }

  /** The roots of a CARv1 header; fails on any other version, key or shape. */
  public static List<Cid> decode(byte[] header) {
    ByteCursor in = new ByteCursor(header);
    long entries = expect(in, MAJOR_MAP, "header map");
    List<Cid> roots = null;
    long version = -1;
    for (long i = 0; i < entries; i++) {
      String key = readText(in);
      switch (key) {
        case "roots" -> roots = readRoots(in);
        case "version" -> version = expect(in, MAJOR_UNSIGNED, "version");
        default -> throw new MalformedDataException("CAR header: unexpected key \"" + key + "\"");
      }
    }
    if (version != 1) {
      throw new MalformedDataException("CAR version " + version + " is not supported (only CARv1)");
    }
    if (roots == null || !in.done()) {
      throw new MalformedDataException("CAR header: " + (roots == null ? "no roots" : "trailing bytes"));
    }
    return roots;
  }

  private static List<Cid> readRoots(ByteCursor in) {
    long count = expect(in, MAJOR_ARRAY, "roots");
    List<Cid> roots = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      if (expect(in, MAJOR_TAG, "root") != TAG_CID) {
        throw new MalformedDataException("CAR header: a root is not a CID (tag 42)");
      }
      int length = (int) expect(in, MAJOR_BYTES, "root CID");
      if (length < 1 || in.readByte() != 0) {
        throw new MalformedDataException("CAR header: a root CID lacks its 0x00 prefix");
      }
      roots.add(cid(in.readBytes(length - 1)));
    }
    return roots;
  }

  private static Cid cid(byte[] bytes) {
    try {
      return Cid.fromBytes(bytes);
    } catch (InvalidCidException e) {
      throw new MalformedDataException("CAR header root: " + e.getMessage());
    }
  }

  private static String readText(ByteCursor in) {
    int length = (int) expect(in, MAJOR_TEXT, "map key");
    return new String(in.readBytes(length), StandardCharsets.UTF_8);
  }

  /** Reads a CBOR head of {@code major} type and returns its argument (at most 32 bits here). */
  private static long expect(ByteCursor in, int major, String what) {
    int initial = in.readByte();
    if (initial >>> 5 != major) {
      throw new MalformedDataException("CAR header: " + what + " has CBOR major type " + (initial >>> 5)
          + ", expected " + major);
    }
    int info = initial & 31;
    if (info < 24) {
      return info;
    }
    if (info > 26) {
      throw new MalformedDataException("CAR header: " + what + " has an unsupported CBOR length");
    }
    long value = 0;
    for (int i = 0; i < 1 << (info - 24); i++) {
      value = value << 8 | in.readByte();
    }
    return value;
  }

  private static void text(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    head(out, MAJOR_TEXT, bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  /** The shortest CBOR head, as dag-cbor requires. */
  private static void head(ByteArrayOutputStream out, int major, long value) {
    int type = major << 5;
    if (value < 24) {
      out.write(type | (int) value);
    } else if (value < 0x100) {
      out.write(type | 24);
      out.write((int) value);
    } else if (value < 0x10000) {
      out.write(type | 25);
      out.write((int) (value >>> 8));
      out.write((int) value);
    } else {
      out.write(type | 26);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (value >>> shift));
      }
    }
  }
}
