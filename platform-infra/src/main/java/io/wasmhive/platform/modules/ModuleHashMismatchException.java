package io.wasmhive.platform.modules;

/** Bytes offered to the store do not hash to the SHA-256 their origin expects; nothing is stored. */
public final class ModuleHashMismatchException extends RuntimeException {

  public ModuleHashMismatchException(String expected, String actual) {
    super("the module's SHA-256 is " + actual + ", not the expected " + expected);
  }

  /** Never: the same bytes will hash the same way again. */
  public boolean retryable() {
    return false;
  }
}
