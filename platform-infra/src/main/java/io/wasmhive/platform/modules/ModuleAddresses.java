package io.wasmhive.platform.modules;

import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The addresses of module bytes: SHA-256 and the CIDs {@code ipfs add} gives them, and how references are
 * normalised for look-ups (CIDs compared in their v1 form, SHA-256 in lower case).
 *
 * @param sha256 SHA-256 hex, lower case
 * @param cidV0 CIDv0 of the default UnixFS layout
 * @param cidV1 CIDv1 with raw leaves
 */
public record ModuleAddresses(String sha256, Cid cidV0, Cid cidV1) {

  private static final Pattern SHA256 = Pattern.compile("(?i)[0-9a-f]{64}");

  /** Computes every address of the bytes. Blocks while hashing (about 1 ms per MiB). */
  public static ModuleAddresses of(byte[] bytes) {
    return new ModuleAddresses(sha256(bytes), UnixFsImporter.cidV0().cidOf(bytes),
        UnixFsImporter.cidV1().cidOf(bytes));
  }

  /** The canonical (v1) forms of both CIDs, for look-ups by any form. */
  public Set<String> canonicalCids() {
    Set<String> cids = new LinkedHashSet<>();
    cids.add(cidV0.toV1().toString());
    cids.add(cidV1.toString());
    return cids;
  }

  /** The lower-case SHA-256 a reference names, or empty when it is not 64 hex digits. */
  static Optional<String> asSha256(String reference) {
    return SHA256.matcher(reference).matches() ? Optional.of(reference.toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** The canonical (v1) CID a reference names, or empty when it is not a CID. */
  static Optional<String> asCanonicalCid(String reference) {
    try {
      return Optional.of(Cid.parse(reference).toV1().toString());
    } catch (InvalidCidException e) {
      return Optional.empty();
    }
  }

  /** SHA-256 hex of the bytes, lower case. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
