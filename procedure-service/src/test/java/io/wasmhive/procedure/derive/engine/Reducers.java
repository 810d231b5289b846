package io.wasmhive.procedure.derive.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The test reducers of {@code src/test/wat} (built by its build.sh into {@code /derive/*.wasm}). */
public final class Reducers {

  private Reducers() {
  }

  public static byte[] bytes(String name) {
    try (InputStream in = Reducers.class.getResourceAsStream("/derive/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test reducer " + name + "; run src/test/wat/build.sh");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Reducer reducer(String name) {
    byte[] bytes = bytes(name);
    return new Reducer(sha256(bytes), bytes);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A derive-ops message: the JSON string {@code "<op><text>"} as the API hands it over. */
  public static byte[] op(char op, String text) {
    return ("\"" + op + text + "\"").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
