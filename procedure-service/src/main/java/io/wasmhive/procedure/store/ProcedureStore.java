package io.wasmhive.procedure.store;

import java.util.List;
import java.util.Optional;

/** Where procedures live, keyed by (database, name). Implementations are thread-safe and block on I/O. */
public interface ProcedureStore {

  /** The procedure, or empty. */
  Optional<Procedure> find(String database, String name);

  /** Every procedure of the database, by name. */
  List<Procedure> list(String database);

  /** Stores a new procedure; {@code false} when the name is already taken in its database. */
  boolean insert(Procedure procedure);

  /**
   * Replaces the procedure of the same key if it is still at {@code expectedVersion}; {@code false} when it
   * changed or disappeared meanwhile.
   */
  boolean replace(Procedure procedure, long expectedVersion);

  /**
   * The distinct module hashes of all procedures in every database, most recently updated first, at most
   * {@code limit} of them: the modules worth compiling before the first call.
   */
  List<String> recentModuleHashes(int limit);

  /** How many procedures the tenant has, in all its databases. */
  long countByTenant(String tenant);

  /** Removes the procedure; {@code false} when there was none. */
  boolean delete(String database, String name);
}
