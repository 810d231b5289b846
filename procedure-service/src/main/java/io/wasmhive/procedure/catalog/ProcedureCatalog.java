package io.wasmhive.procedure.catalog;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.MemoryLimitException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.metrics.ProcedureMetrics;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import io.wasmhive.procedure.store.ProcedureStore;
import io.wasmhive.procedure.tenancy.Namespaces;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Creates, replaces, reads, lists and drops procedures for a caller. A create compiles the module and checks its
 * export before anything is stored, so a refused request leaves no trace. Every operation first checks that the
 * caller may use the database ({@link Namespaces}); replace and drop are the owner's or an administrator's, and a
 * tenant has at most {@code procedure.max-procedures-per-tenant} procedures (in secure mode). Thread-safe; blocks on the stores and
 * while compiling.
 */
@Service
public class ProcedureCatalog {

  private final ProcedureStore procedures;
  private final ModuleStore modules;
  private final WasmExecutor executor;
  private final LimitsPolicy limits;
  private final long maxModuleBytes;
  private final ProcedureCache cache;
  private final ProcedureMetrics metrics;
  private final Namespaces namespaces;
  private final int maxPerTenant;

  ProcedureCatalog(ProcedureStore procedures, ModuleStore modules, WasmExecutor executor,
      ProcedureProperties properties, ProcedureMetrics metrics, Namespaces namespaces) {
    this.procedures = procedures;
    this.modules = modules;
    this.executor = executor;
    this.limits = new LimitsPolicy(properties);
    this.maxModuleBytes = Math.min(properties.maxModuleSize().toBytes(), executor.options().maxModuleBytes());
    this.cache = new ProcedureCache(procedures, properties.cacheRevalidate().toNanos(), properties.cacheMaxEntries(),
        System::nanoTime);
    this.metrics = metrics;
    this.namespaces = namespaces;
    this.maxPerTenant = properties.maxProceduresPerTenant();
  }

  /**
   * Creates the procedure, or replaces it when the command says so; returns what was stored. The first create in a
   * database claims it for the caller's tenant.
   */
  public Procedure create(Caller caller, CreateCommand command) {
    String name = Names.requireName("name", command.name());
    requireWasm(command.language());
    List<Param> params = params(command.params());
    DataType returnType = command.returnType() == null ? null : dataType("return_type", command.returnType());
    Limits resolved = limits.resolve(command.limits());
    Optional<Procedure> existing = authorize(caller, command.database(), name, command.replace());
    ModuleInfo module = register(command.wasm());
    String export = ExportResolver.choose(module, name, command.entry());
    Signature signature = module.exports().get(export);
    if (Procedure.usesBytesAbi(params, returnType)) {
      BytesAbiCheck.check(module, export, params, returnType);
    } else {
      ExportResolver.check(export, signature, params, returnType);
    }
    limits.requireRoomFor(module, resolved);
    modules.put(command.wasm(), ModuleOrigin.of("procedure-service").expecting(module.id()));
    String tenant = namespaces.claim(caller, command.database());
    Instant now = Instant.now();
    Procedure next = new Procedure(command.database(), name, "wasm", params, returnType, command.description(),
        export, signature.params(), returnType == null ? null : signature.results().get(0), module.id(),
        module.size(), resolved, 1, now, now, tenant, caller.principal());
    Procedure stored = existing.isPresent() ? replace(existing.get(), next) : insert(next);
    cache.stored(stored);
    return stored;
  }

  /**
   * The procedure a call runs, from the in-memory cache when it is fresh (no store I/O), or {@code NOT_FOUND}.
   * See {@link ProcedureCache} for how stale an entry may be.
   */
  public Procedure resolve(Caller caller, String database, String name) {
    namespaces.requireUse(caller, database);
    return cache.find(database, name).orElseThrow(() -> notFound(name));
  }

  /** The procedure, or {@code NOT_FOUND}. */
  public Procedure get(Caller caller, String database, String name) {
    namespaces.requireUse(caller, database);
    return procedures.find(database, name).orElseThrow(() -> notFound(name));
  }

  /** Every procedure of the database, by name. */
  public List<Procedure> list(Caller caller, String database) {
    namespaces.requireUse(caller, database);
    return procedures.list(database);
  }

  /**
   * Drops the procedure, or fails with {@code NOT_FOUND}, or with {@code FORBIDDEN} unless the caller owns it or is
   * an administrator. Its module bytes stay, shared by SHA-256.
   */
  public void drop(Caller caller, String database, String name) {
    namespaces.requireUse(caller, database);
    requireOwner(caller, procedures.find(database, name).orElseThrow(() -> notFound(name)), "drop");
    // Evicted before and after: a call that misses while the delete runs must not keep the old entry.
    cache.evict(database, name);
    boolean deleted = procedures.delete(database, name);
    cache.evict(database, name);
    if (!deleted) {
      throw notFound(name);
    }
    metrics.dropped(name, database);
  }

  /**
   * The procedure a create replaces, once the caller may create (a new name: room left in the tenant) or replace
   * (its owner or an administrator) it in this database.
   */
  private Optional<Procedure> authorize(Caller caller, String database, String name, boolean replace) {
    namespaces.requireUse(caller, database);
    Optional<Procedure> existing = procedures.find(database, name);
    if (existing.isPresent() && !replace) {
      throw alreadyExists(name);
    }
    if (existing.isPresent()) {
      requireOwner(caller, existing.get(), "replace");
    } else if (caller.source() != Caller.Source.LOCAL) {
      // Local mode has one tenant, the developer's: nobody to share the service with, no limit to keep.
      requireRoom(namespaces.owner(database).orElse(caller.tenant()));
    }
    return existing;
  }

  private static void requireOwner(Caller caller, Procedure procedure, String what) {
    if (!caller.owns(procedure.owner())) {
      throw new ProcedureException(ErrorCode.FORBIDDEN, "procedure " + procedure.name()
          + " belongs to another principal; only its owner or an administrator may " + what + " it");
    }
  }

  private void requireRoom(String tenant) {
    if (procedures.countByTenant(tenant) >= maxPerTenant) {
      throw new ProcedureException(ErrorCode.PROCEDURE_LIMIT_REACHED, "the tenant has " + maxPerTenant
          + " procedures, the most it may have (procedure.max-procedures-per-tenant); drop one to create another");
    }
  }

  private static ProcedureException notFound(String name) {
    return ProcedureException.procedureNotFound(name);
  }

  private Procedure insert(Procedure next) {
    if (!procedures.insert(next)) {
      throw alreadyExists(next.name());
    }
    return next;
  }

  private Procedure replace(Procedure old, Procedure next) {
    Procedure replaced = new Procedure(next.database(), next.name(), next.language(), next.params(),
        next.returnType(), next.description(), next.export(), next.exportParams(), next.exportResult(),
        next.moduleSha256(), next.moduleSize(), next.limits(), old.version() + 1, old.createdAt(), next.updatedAt(),
        next.tenant(), old.owner() == null ? next.owner() : old.owner());
    if (!procedures.replace(replaced, old.version())) {
      cache.evict(next.database(), next.name());
      throw new ProcedureException(ErrorCode.ALREADY_EXISTS,
          "procedure " + next.name() + " was changed or dropped concurrently; try again");
    }
    return replaced;
  }

  private ModuleInfo register(byte[] wasm) {
    if (wasm == null || wasm.length == 0) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "the module is empty");
    }
    if (wasm.length > maxModuleBytes) {
      throw new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE,
          "the module has " + wasm.length + " bytes, more than the limit of " + maxModuleBytes);
    }
    try {
      return metrics.timeCompile(() -> executor.register(wasm));
    } catch (MemoryLimitException e) {
      throw new ProcedureException(ErrorCode.INVALID_WASM, e.getMessage());
    } catch (ExecutorException e) {
      throw ProcedureException.from(e);
    }
  }

  private static List<Param> params(List<CreateCommand.ParamSpec> specs) {
    Set<String> seen = new HashSet<>();
    return specs.stream().map(spec -> {
      if (spec == null) {
        throw new ProcedureException(ErrorCode.BAD_REQUEST, "params must not contain null");
      }
      String name = Names.requireName("parameter name", spec.name());
      if (!seen.add(name)) {
        throw new ProcedureException(ErrorCode.BAD_REQUEST, "parameter '" + name + "' is declared twice");
      }
      return new Param(name, dataType("data_type of parameter '" + name + "'", spec.dataType()));
    }).toList();
  }

  private static DataType dataType(String what, String given) {
    return DataType.parse(given).orElseThrow(() -> new ProcedureException(ErrorCode.BAD_REQUEST,
        what + " is '" + given + "'; supported types are " + DataType.NAMES));
  }

  private static void requireWasm(String language) {
    if (language != null && !language.equalsIgnoreCase("wasm")) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "language must be 'wasm', got '" + language + "'");
    }
  }

  private static ProcedureException alreadyExists(String name) {
    return new ProcedureException(ErrorCode.ALREADY_EXISTS,
        "procedure " + name + " already exists; send \"replace\": true to replace it");
  }
}
