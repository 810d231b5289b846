package io.wasmhive.platform.errors;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Unexpected failures as clients see them: {@code internal error (reference 3f9a0c41d2e7)}. The reference ties the
 * answer to the log entry that holds the exception; class names, messages of causes and stack traces stay in the
 * log, since they describe the service's internals (and may carry endpoints or keys). Thread-safe.
 */
public final class InternalErrors {

  private static final Log logger = LogFactory.getLog(InternalErrors.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int REFERENCE_BYTES = 6;

  private InternalErrors() {
  }

  /**
   * Logs {@code failure} at error level with {@code context} and a fresh reference, and returns the client's
   * message naming that reference.
   */
  public static String logged(String context, Throwable failure) {
    String reference = newReference();
    logger.error(context + " (reference " + reference + ")", failure);
    return message(reference);
  }

  /** The client's message for a failure logged under {@code reference}. */
  public static String message(String reference) {
    return "internal error (reference " + reference + ")";
  }

  /** A fresh reference: 12 lowercase hex characters, unique enough to find one entry in a service's logs. */
  public static String newReference() {
    byte[] bytes = new byte[REFERENCE_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
