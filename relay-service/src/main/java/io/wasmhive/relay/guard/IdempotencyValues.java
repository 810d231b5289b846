package io.wasmhive.relay.guard;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a key's value is written, in Redis and in the fallback: the in-flight marker {@code I}, or {@code I:} and the
 * fingerprint of the request that claimed it, or {@code I:}, the fingerprint or nothing, {@code :} and the owner
 * tag (the SHA-256 of the claiming user); {@code D:} and the response, or {@code D:}, the fingerprint, {@code :}
 * and the response. Fingerprints and owner tags are 64 lower-case hex digits; a response is a JSON object, so the
 * forms cannot be confused, and values written before fingerprints or owners read as having none.
 */
final class IdempotencyValues {

  /** The value of a claimed key whose execution has not finished. */
  static final String IN_FLIGHT = "I";

  /** The prefix of a completed key's value; the response JSON follows. */
  static final String DONE_PREFIX = "D:";

  static final Claim ACQUIRED = new Claim.Acquired();

  static final Claim IN_FLIGHT_CLAIM = new Claim.InFlight();

  private IdempotencyValues() {
  }

  private static final java.util.regex.Pattern FINGERPRINT = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  /** The in-flight value of a key claimed for {@code fingerprint} ({@code null}: the bare marker). */
  static String inFlight(String fingerprint) {
    return inFlight(fingerprint, null);
  }

  /**
   * The in-flight value of a key claimed for {@code fingerprint} by the user whose tag is {@code ownerTag} (either
   * may be {@code null}).
   */
  static String inFlight(String fingerprint, String ownerTag) {
    if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
    }
    if (ownerTag != null && !FINGERPRINT.matcher(ownerTag).matches()) {
      throw new IllegalArgumentException("an owner tag is 64 lower-case hex digits");
    }
    if (ownerTag == null) {
      return fingerprint == null ? IN_FLIGHT : IN_FLIGHT + ":" + fingerprint;
    }
    return IN_FLIGHT + ":" + (fingerprint == null ? "" : fingerprint) + ":" + ownerTag;
  }

  /** The SHA-256 (hex) of a text. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String done(String responseJson) {
    return DONE_PREFIX + responseJson;
  }

  /** The completed value that replaces {@code current} (the in-flight value, or null), keeping its fingerprint. */
  static String done(String current, String responseJson) {
    String fingerprint = current == null ? null : decode(current).fingerprint();
    return fingerprint == null ? done(responseJson) : DONE_PREFIX + fingerprint + ":" + responseJson;
  }

  /** The claim a stored value stands for. */
  static Claim decode(String value) {
    if (value.startsWith(DONE_PREFIX)) {
      String rest = value.substring(DONE_PREFIX.length());
      if (rest.length() > 65 && rest.charAt(64) == ':' && FINGERPRINT.matcher(rest.substring(0, 64)).matches()) {
        return new Claim.Done(rest.substring(65), rest.substring(0, 64));
      }
      return new Claim.Done(rest);
    }
    if (value.startsWith(IN_FLIGHT + ":")) {
      String rest = value.substring(IN_FLIGHT.length() + 1);
      int colon = rest.indexOf(':');
      if (colon < 0) {
        return new Claim.InFlight(rest);
      }
      return new Claim.InFlight(colon == 0 ? null : rest.substring(0, colon), rest.substring(colon + 1));
    }
    return IN_FLIGHT_CLAIM;
  }

  /** Whether a stored value is an in-flight value (with or without a fingerprint). */
  static boolean isInFlight(String value) {
    return value.equals(IN_FLIGHT) || value.startsWith(IN_FLIGHT + ":");
  }
}
