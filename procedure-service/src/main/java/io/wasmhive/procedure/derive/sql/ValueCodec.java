package io.wasmhive.procedure.derive.sql;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Values of a {@link ColumnKind} in their canonical Java form ({@link Long}, stripped {@link BigDecimal},
 * {@link Double}, {@link Float}, {@link String}, {@code byte[]}, {@link Boolean}, {@link LocalDate},
 * {@link LocalTime}, {@link LocalDateTime}, or {@code null}), and their one byte encoding in the state dump
 * (docs/derivations.md, "State hash"). Stateless; thread-safe.
 */
final class ValueCodec {

  static final long CANONICAL_NAN = 0x7ff8000000000000L;
  static final int CANONICAL_NAN_32 = 0x7fc00000;

  private ValueCodec() {
  }

  /** The value of column {@code index} (1-based) of the current row, in canonical form. */
  static Object read(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    Object value = switch (kind) {
      case BOOLEAN -> rs.getBoolean(index);
      case INTEGER -> rs.getLong(index);
      case DECIMAL -> canonical(rs.getBigDecimal(index));
      case DOUBLE -> rs.getDouble(index);
      case REAL -> rs.getFloat(index);
      case TEXT -> rs.getString(index);
      case BINARY -> rs.getBytes(index);
      case DATE -> rs.getObject(index, LocalDate.class);
      case TIME -> rs.getObject(index, LocalTime.class);
      case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
    };
    return rs.wasNull() ? null : value;
  }

  static BigDecimal canonical(BigDecimal value) {
    return value == null ? null : value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** Writes the tag and the payload of one value; {@code null} is the single byte 0. */
  static void encode(Object value, ColumnKind kind, DataOutputStream out) throws IOException {
    if (value == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(kind.tag());
    switch (kind) {
      case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
      case INTEGER -> out.writeLong((Long) value);
      case DECIMAL -> string(((BigDecimal) value).toPlainString(), out);
      case DOUBLE -> out.writeLong(doubleBits((Double) value));
      case REAL -> out.writeInt(floatBits((Float) value));
      case TEXT -> string((String) value, out);
      case BINARY -> bytes((byte[]) value, out);
      case DATE, TIME, TIMESTAMP -> string(value.toString(), out);
    }
  }

  /** NaN has one encoding and negative zero is zero, so equal SQL values hash equally on every engine. */
  static long doubleBits(double d) {
    return Double.isNaN(d) ? CANONICAL_NAN : d == 0.0 ? 0L : Double.doubleToRawLongBits(d);
  }

  static int floatBits(float f) {
    return Float.isNaN(f) ? CANONICAL_NAN_32 : f == 0.0f ? 0 : Float.floatToRawIntBits(f);
  }

  static void string(String s, DataOutputStream out) throws IOException {
    bytes(s.getBytes(StandardCharsets.UTF_8), out);
  }

  static void bytes(byte[] b, DataOutputStream out) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /** Reads one value written by {@link #encode}; fails with {@link IOException} on anything else. */
  static Object decode(DataInputStream in, ColumnKind kind, int maxLength) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag == 0) {
      return null;
    }
    if (tag != kind.tag()) {
      throw new IOException("value tag " + tag + " in a " + kind + " column");
    }
    return switch (kind) {
      case BOOLEAN -> readBoolean(in);
      case INTEGER -> in.readLong();
      case DECIMAL -> canonical(new BigDecimal(readString(in, maxLength)));
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      case REAL -> Float.intBitsToFloat(in.readInt());
      case TEXT -> readString(in, maxLength);
      case BINARY -> readBytes(in, maxLength);
      case DATE -> LocalDate.parse(readString(in, maxLength));
      case TIME -> LocalTime.parse(readString(in, maxLength));
      case TIMESTAMP -> LocalDateTime.parse(readString(in, maxLength));
    };
  }

  private static boolean readBoolean(DataInputStream in) throws IOException {
    int b = in.readUnsignedByte();
    if (b > 1) {
      throw new IOException("boolean byte " + b);
    }
    return b == 1;
  }

  static String readString(DataInputStream in, int maxLength) throws IOException {
    return new String(readBytes(in, maxLength), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(DataInputStream in, int maxLength) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > maxLength) {
      throw new IOException("length " + length + " out of bounds");
    }
    return in.readNBytes(length);
  }

  /** Binds a canonical value to parameter {@code index} (1-based). */
  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof byte[] b) {
      ps.setBytes(index, b);
    } else if (value instanceof BigInteger big) {
      ps.setBigDecimal(index, new BigDecimal(big));
    } else {
      ps.setObject(index, value);
    }
  }
}
