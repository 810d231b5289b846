package io.wasmhive.relay.resolution;

import java.util.List;

/** No module for a reference: {@link #tried()} lists what was looked at, for the 404 body. */
public class ModuleNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reference;
  private final List<String> tried;

  public ModuleNotFoundException(String reference, List<String> tried) {
    super("No module for " + reference + " (tried: " + String.join("; ", tried) + ")");
    this.reference = reference;
    this.tried = List.copyOf(tried);
  }

  public String reference() {
    return reference;
  }

  public List<String> tried() {
    return tried;
  }
}
