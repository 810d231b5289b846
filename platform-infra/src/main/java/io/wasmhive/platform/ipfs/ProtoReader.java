package io.wasmhive.platform.ipfs;

/** Reads protobuf fields one by one from a byte array. Not thread-safe. */
final class ProtoReader {

  /** Wire type of varint fields. */
  public static final int VARINT = 0;
  /** Wire type of length-delimited fields. */
  public static final int LENGTH_DELIMITED = 2;

  private final ByteCursor cursor;
  private final String message;
  private int wireType;

  /** Reads the protobuf message {@code bytes}; {@code message} names it in errors. */
  public ProtoReader(byte[] bytes, String message) {
    this.cursor = new ByteCursor(bytes);
    this.message = message;
  }

  /** The next field number, or -1 at the end of the message. */
  public int nextField() {
    if (cursor.done()) {
      return -1;
    }
    long tag = cursor.readVarint();
    wireType = (int) (tag & 7);
    long field = tag >>> 3;
    if (field == 0 || field > Integer.MAX_VALUE) {
      throw new MalformedDataException(message + ": invalid field number " + field);
    }
    return (int) field;
  }

  /** The current field's varint value; fails if the field has another wire type. */
  public long varint(String field) {
    expect(VARINT, field);
    return cursor.readVarint();
  }

  /** The current field's bytes; fails if the field has another wire type. */
  public byte[] bytes(String field) {
    expect(LENGTH_DELIMITED, field);
    return cursor.readBytes(cursor.readLength());
  }

  /** The current field's wire type. */
  public int wireType() {
    return wireType;
  }

  /** Skips the current field (varint or length-delimited; other wire types are malformed here). */
  public void skip(int field) {
    if (wireType == VARINT) {
      cursor.readVarint();
    } else if (wireType == LENGTH_DELIMITED) {
      cursor.readBytes(cursor.readLength());
    } else {
      throw new MalformedDataException(message + ": unsupported wire type " + wireType + " in field " + field);
    }
  }

  private void expect(int type, String field) {
    if (wireType != type) {
      throw new MalformedDataException(message + ": field " + field + " has wire type " + wireType
          + ", expected " + type);
    }
  }
}
