package io.wasmhive.platform.events.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Whether the Redis commands of a subscription or a follow are failing. Logs once when an outage starts and once
 * when it ends, whatever the number of workers and attempts, and never logs a URL's credentials.
 * Thread-safe.
 */
final class Outage {

  private static final Log logger = LogFactory.getLog(Outage.class);

  private static final Pattern CREDENTIALS = Pattern.compile("(?i)(rediss?://)[^@\\s/]*@");

  private final String subject;

  private final AtomicBoolean down = new AtomicBoolean();

  private final AtomicLong failures = new AtomicLong();

  Outage(String subject) {
    this.subject = subject;
  }

  /** Records a failed command; the first one of an outage is logged as a warning. */
  void failed(RuntimeException failure) {
    failures.incrementAndGet();
    if (down.compareAndSet(false, true)) {
      logger.warn("Redis commands of " + subject + " fail (" + describe(failure)
          + "); retrying with back-off until Redis answers again");
    } else if (logger.isDebugEnabled()) {
      logger.debug("Redis commands of " + subject + " still fail: " + describe(failure));
    }
  }

  /** Records a successful round; ends an outage if there was one. */
  void succeeded() {
    if (down.get() && down.compareAndSet(true, false)) {
      logger.info("Redis answers " + subject + " again; reading resumes");
    }
  }

  boolean isDown() {
    return down.get();
  }

  long failures() {
    return failures.get();
  }

  /** The failure's class and message, with any credentials in a URL masked. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    return CREDENTIALS.matcher(message).replaceAll("$1***@");
  }
}
