import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Distinct valid WebAssembly modules (a base module plus a custom section naming them) and their raw CIDv1s. */
final class Modules {

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Modules() {
  }

  /** The base module with a custom section "chaos" holding the tag appended: valid, and distinct per tag. */
  static byte[] tagged(byte[] base, String tag) {
    byte[] name = "chaos".getBytes(StandardCharsets.US_ASCII);
    byte[] payload = tag.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    leb(section, name.length);
    section.writeBytes(name);
    section.writeBytes(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(base);
    out.write(0);
    leb(out, section.size());
    out.writeBytes(section.toByteArray());
    return out.toByteArray();
  }

  /** The CIDv1 (raw codec, sha2-256, base32 lower case) of one block. */
  static String cidV1Raw(byte[] bytes) {
    byte[] digest = sha256(bytes);
    byte[] cid = new byte[4 + digest.length];
    cid[0] = 0x01;
    cid[1] = 0x55;
    cid[2] = 0x12;
    cid[3] = 0x20;
    System.arraycopy(digest, 0, cid, 4, digest.length);
    return "b" + base32(cid);
  }

  static String sha256Hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte b : sha256(bytes)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }
}
