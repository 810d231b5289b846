package io.wasmhive.procedure.catalog;

import java.util.List;

/**
 * A request to create (or replace) a procedure, as received; {@link ProcedureCatalog} validates every field.
 *
 * @param database the namespace
 * @param name the procedure's name
 * @param language {@code wasm} or {@code null}
 * @param wasm the module's bytes
 * @param params the declared parameters, types as given by the caller
 * @param returnType the declared result type as given, or {@code null} for none
 * @param description free text, or {@code null}
 * @param entry the export to call when none is named like the procedure, or {@code null}
 * @param replace whether an existing procedure of that name is replaced
 * @param limits the requested limits, or {@code null} for the defaults
 */
public record CreateCommand(String database, String name, String language, byte[] wasm, List<ParamSpec> params,
    String returnType, String description, String entry, boolean replace, LimitsSpec limits) {

  public CreateCommand {
    params = params == null ? List.of() : List.copyOf(params);
  }

  /** A parameter as declared by the caller. */
  public record ParamSpec(String name, String dataType) {
  }

  /** Requested limits; a {@code null} field takes the server's default. */
  public record LimitsSpec(Long maxMemory, Long maxTimeMs, Long maxGas) {
  }
}
