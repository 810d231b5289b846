package io.wasmhive.executor;

import io.wasmhive.guests.GuestCorpus;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/** The committed guest corpus (built by guests/build.sh, read by {@link GuestCorpus}) and tasks that run its guests. */
public final class Guests {

  private static final ConcurrentHashMap<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private Guests() {
  }

  /** The bytes of {@code /guests/<file>}. */
  public static byte[] bytes(String file) {
    return CACHE.computeIfAbsent(file, GuestCorpus::bytes).clone();
  }

  /** The module id (SHA-256 hex) of a guest. */
  public static String id(String file) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A task builder for a guest, carrying its bytes so that it registers on first use. */
  public static ExecutionTask.Builder task(String file) {
    return ExecutionTask.builder(id(file)).moduleBytes(bytes(file));
  }

  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
