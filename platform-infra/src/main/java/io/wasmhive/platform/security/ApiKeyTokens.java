package io.wasmhive.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The text of an API key: {@code whk_<12 lower-case letters and digits>_<43 base64url characters>}. */
final class ApiKeyTokens {

  static final String PREFIX = "whk_";
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int ID_LENGTH = 12;
  private static final int SECRET_LENGTH = 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token split into its id and its secret. */
  record Parts(String id, String secret) {
  }

  private ApiKeyTokens() {
  }

  static String newId() {
    StringBuilder id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String token(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  /** Whether the bearer token is meant as an API key (rather than a JWT). */
  static boolean looksLikeKey(String token) {
    return token.startsWith(PREFIX);
  }

  /** The parts of a well-formed token; empty for anything else, checked before any look-up. */
  static Optional<Parts> parse(String token) {
    if (token.length() != PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH || !token.startsWith(PREFIX)
        || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    String secret = token.substring(PREFIX.length() + ID_LENGTH + 1);
    for (int i = 0; i < id.length(); i++) {
      if (ID_ALPHABET.indexOf(id.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '_') {
        return Optional.empty();
      }
    }
    return Optional.of(new Parts(id, secret));
  }

  /** Whether {@code id} has the shape of a key id (admin paths take it from the URL). */
  static boolean isId(String id) {
    if (id == null || id.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (ID_ALPHABET.indexOf(id.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
