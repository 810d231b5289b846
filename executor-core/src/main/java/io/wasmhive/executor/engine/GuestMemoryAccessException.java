package io.wasmhive.executor.engine;

/** A host access to guest memory fell outside its bounds; host functions turn this into an error code. */
public class GuestMemoryAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GuestMemoryAccessException(String message) {
    super(message);
  }
}
