package io.wasmhive.procedure.store;

import io.wasmhive.executor.ValueType;
import java.time.Instant;
import java.util.List;

/**
 * A stored procedure: a named WebAssembly export with declared parameters, in one database. Immutable.
 *
 * @param database the namespace ({@code X-Mindb-Database})
 * @param name the procedure's name, unique within its database
 * @param language always {@code wasm} for now
 * @param params the declared parameters, in call order
 * @param returnType the declared result, or {@code null} when the export returns nothing
 * @param description free text, or {@code null}
 * @param export the exported function a call enters
 * @param exportParams the WebAssembly parameter types of {@code export}
 * @param exportResult the WebAssembly result type of {@code export}, or {@code null}
 * @param moduleSha256 SHA-256 hex of the module's bytes, the key into the shared module store ({@code wasm_modules})
 * @param moduleSize bytes of the module
 * @param limits the limits every call runs under
 * @param version 1 when created, one more on each replace
 * @param createdAt when the name was first created
 * @param updatedAt when it was last created or replaced
 * @param tenant the tenant that owns the procedure's database, or {@code null} for one stored before tenants
 * @param owner the principal that created it (only it or an administrator may replace or drop it), or {@code null}
 *     for one stored before owners
 */
public record Procedure(String database, String name, String language, List<Param> params, DataType returnType,
    String description, String export, List<ValueType> exportParams, ValueType exportResult, String moduleSha256,
    int moduleSize, Limits limits, long version, Instant createdAt, Instant updatedAt, String tenant,
    String owner) {

  public Procedure {
    params = List.copyOf(params);
    exportParams = List.copyOf(exportParams);
  }

  /** Whether calls go through the bytes ABI: when a parameter or the result is TEXT, BYTES or JSON. */
  public boolean usesBytesAbi() {
    return usesBytesAbi(params, returnType);
  }

  /** Whether a procedure declared with these types goes through the bytes ABI. */
  public static boolean usesBytesAbi(List<Param> params, DataType returnType) {
    return (returnType != null && returnType.needsBytesAbi()) || params.stream().anyMatch(p -> p.dataType().needsBytesAbi());
  }
}
