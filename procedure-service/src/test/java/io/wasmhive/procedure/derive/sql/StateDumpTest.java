package io.wasmhive.procedure.derive.sql;

import static io.wasmhive.procedure.derive.sql.DerivationDatabaseTest.TIME;
import static io.wasmhive.procedure.derive.sql.DerivationDatabaseTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The canonical dump on each engine: its exact bytes, its independence of history, NaN and zero
 * canonicalisation, and restore.
 */
@ParameterizedClass
@FieldSource("io.wasmhive.procedure.derive.sql.TestEngines#NAMES")
class StateDumpTest {

  @Parameter
  String engineName;

  SqlEngine engine() {
    return TestEngines.of(engineName);
  }


  static final String SCHEMA = "CREATE TABLE t (k INTEGER PRIMARY KEY, v VARCHAR(10), f DOUBLE)";
  static final SqlBounds BOUNDS = new SqlBounds(100, 1 << 16, 16, 4096);

  @Test
  void theDumpIsTheDocumentedBytes() throws Exception {
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      db.begin();
      db.exec("INSERT INTO t VALUES (?, ?, ?)", json("[2, \"b\", null]"), TIME);
      db.exec("INSERT INTO t VALUES (?, ?, ?)", json("[1, \"a\", 1.5]"), TIME);
      db.commit();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(expected);
      out.write(new byte[] {'W', 'H', 'D', 'S', 1});
      out.writeInt(1);
      str(out, "T");
      out.writeInt(3);
      str(out, "K");
      out.writeByte(2);
      str(out, "V");
      out.writeByte(6);
      str(out, "F");
      out.writeByte(4);
      out.writeInt(1);
      out.writeInt(0);
      out.writeLong(2);
      out.writeByte(2);
      out.writeLong(1);
      out.writeByte(6);
      str(out, "a");
      out.writeByte(4);
      out.writeLong(Double.doubleToLongBits(1.5));
      out.writeByte(2);
      out.writeLong(2);
      out.writeByte(6);
      str(out, "b");
      out.writeByte(0);
      StateDump.Result dump = db.dump();
      assertThat(dump.bytes()).isEqualTo(expected.toByteArray());
      assertThat(dump.size()).isEqualTo(expected.size());
      assertThat(dump.sha256()).isEqualTo(HexFormat.of().formatHex(StateDump.sha256().digest(expected.toByteArray())));
    }
  }

  @Test
  void theHashDependsOnTheStateNotOnHowItWasReached() throws Exception {
    String direct;
    String roundabout;
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      db.begin();
      db.exec("INSERT INTO t VALUES (1, 'a', 0.0)", null, TIME);
      db.exec("INSERT INTO t VALUES (2, 'b', NULL)", null, TIME);
      db.commit();
      direct = db.measure().sha256();
    }
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      db.begin();
      db.exec("INSERT INTO t VALUES (3, 'c', 1)", null, TIME);
      db.exec("INSERT INTO t VALUES (2, 'x', 2)", null, TIME);
      db.exec("INSERT INTO t VALUES (1, 'a', -0.0)", null, TIME);
      db.exec("UPDATE t SET v = 'b', f = NULL WHERE k = 2", null, TIME);
      db.exec("DELETE FROM t WHERE k = 3", null, TIME);
      db.commit();
      roundabout = db.measure().sha256();
    }
    assertThat(roundabout).isEqualTo(direct);
  }

  @Test
  void nanHasOneEncoding() {
    assertThat(ValueCodec.doubleBits(Double.longBitsToDouble(0x7ff8000000000001L))).isEqualTo(ValueCodec.CANONICAL_NAN);
    assertThat(ValueCodec.doubleBits(Double.longBitsToDouble(0xfff8000000000000L))).isEqualTo(ValueCodec.CANONICAL_NAN);
    assertThat(ValueCodec.floatBits(Float.intBitsToFloat(0xffc00001))).isEqualTo(ValueCodec.CANONICAL_NAN_32);
    assertThat(ValueCodec.doubleBits(-0.0)).isZero();
  }

  @Test
  void aDifferentValueGivesADifferentHash() throws Exception {
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      String empty = db.measure().sha256();
      db.begin();
      db.exec("INSERT INTO t VALUES (1, 'a', NULL)", null, TIME);
      db.commit();
      String one = db.measure().sha256();
      db.begin();
      db.exec("UPDATE t SET v = '' WHERE k = 1", null, TIME);
      db.commit();
      assertThat(db.measure().sha256()).isNotEqualTo(one).isNotEqualTo(empty);
      assertThat(one).isNotEqualTo(empty);
    }
  }

  @Test
  void aRestoredDumpHasTheSameHashAndRows() throws Exception {
    StateDump.Result dump;
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      db.begin();
      for (int i = 0; i < 50; i++) {
        db.exec("INSERT INTO t VALUES (?, ?, ?)", json("[" + (50 - i) + ", \"v" + i + "\", " + i * 0.25 + "]"), TIME);
      }
      db.commit();
      dump = db.dump();
    }
    try (DerivationDatabase restored = DerivationDatabase.restore(engine(), SCHEMA, BOUNDS, dump.bytes())) {
      assertThat(restored.measure().sha256()).isEqualTo(dump.sha256());
      assertThat(new String(restored.query("SELECT v FROM t WHERE k = 50", null, TIME))).isEqualTo("[{\"V\":\"v0\"}]");
    }
  }

  @Test
  void tamperedOrForeignDumpsAreRefused() throws Exception {
    byte[] bytes;
    try (DerivationDatabase db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS)) {
      db.begin();
      db.exec("INSERT INTO t VALUES (1, 'a', NULL)", null, TIME);
      db.commit();
      bytes = db.dump().bytes();
    }
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    byte[] badMagic = bytes.clone();
    badMagic[0] = 'X';
    for (byte[] bad : new byte[][] {truncated, trailing, badMagic, new byte[0]}) {
      assertThatThrownBy(() -> DerivationDatabase.restore(engine(), SCHEMA, BOUNDS, bad))
          .isInstanceOf(SqlRefusedException.class);
    }
    assertThatThrownBy(() -> DerivationDatabase.restore(engine(),
        "CREATE TABLE t (k INTEGER PRIMARY KEY, v VARCHAR(10), g DOUBLE)", BOUNDS, bytes))
        .isInstanceOf(SqlRefusedException.class).hasMessageContaining("does not match the schema");
  }

  private static void str(DataOutputStream out, String s) throws Exception {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
