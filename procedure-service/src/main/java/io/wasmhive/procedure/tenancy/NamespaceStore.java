package io.wasmhive.procedure.tenancy;

import java.util.Optional;

/** Where the claims on databases live. Implementations are thread-safe and block on I/O. */
interface NamespaceStore {

  /** The tenant that claimed the database, or empty while nobody has. */
  Optional<String> owner(String database);

  /**
   * Claims the database for {@code tenant} unless another tenant holds it; atomic, so of two tenants racing one
   * wins. Returns the tenant that holds it afterwards.
   */
  String claim(String database, String tenant);
}
