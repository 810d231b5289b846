package io.wasmhive.procedure.tenancy;

import io.wasmhive.platform.security.Caller;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Decides whether a caller may use a database: a member of the tenant that claimed it, or an administrator; an
 * unclaimed database anyone may read (it holds nothing) and the first creator claims. A claim never changes, so
 * claimed databases are remembered in memory (up to {@code procedure.cache-max-entries}) and a call in one does no
 * MongoDB I/O for this check. Thread-safe; blocks on MongoDB on a miss.
 */
@Service
public class Namespaces {

  private final NamespaceStore store;
  private final ConcurrentHashMap<String, String> claimed = new ConcurrentHashMap<>();
  private final int maxRemembered;

  Namespaces(NamespaceStore store, ProcedureProperties properties) {
    this.store = store;
    this.maxRemembered = properties.cacheMaxEntries();
  }

  /** Fails with {@code FORBIDDEN} when the database belongs to a tenant the caller is not a member of. */
  public void requireUse(Caller caller, String database) {
    owner(database).ifPresent(tenant -> requireMember(caller, database, tenant));
  }

  /**
   * The tenant the database belongs to after claiming it for the caller's tenant if nobody had; fails with
   * {@code FORBIDDEN} when it belongs (or was just claimed by a racing request) to another tenant.
   */
  public String claim(Caller caller, String database) {
    String tenant = owner(database).orElseGet(() -> remember(database, store.claim(database, caller.tenant())));
    requireMember(caller, database, tenant);
    return tenant;
  }

  /** The tenant that claimed the database, or empty. */
  public Optional<String> owner(String database) {
    String known = claimed.get(database);
    if (known != null) {
      return Optional.of(known);
    }
    return store.owner(database).map(tenant -> remember(database, tenant));
  }

  private String remember(String database, String tenant) {
    if (claimed.size() < maxRemembered) {
      claimed.put(database, tenant);
    }
    return tenant;
  }

  private static void requireMember(Caller caller, String database, String tenant) {
    if (!caller.inTenant(tenant)) {
      throw new ProcedureException(ErrorCode.FORBIDDEN,
          "database " + database + " belongs to another tenant; use one of your tenant's databases");
    }
  }
}
