package io.wasmhive.executor.internal.registry;

import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.UnknownImportException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.engine.HostFunctionType;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.wasm.ExternKind;
import io.wasmhive.executor.internal.wasm.FuncSignature;
import io.wasmhive.executor.internal.wasm.ImportEntry;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import java.util.List;
import java.util.Optional;

/**
 * Checks at registration that the host provides every import with the signature the module expects, and that a
 * module importing {@code db.query} exports no {@code alloc} the host could not call (engines differ on a call
 * of the wrong type: one traps, another converts the arguments).
 */
final class ImportCheck {

  private ImportCheck() {
  }

  static void check(ParsedModule parsed) {
    for (ImportEntry imp : parsed.imports()) {
      String name = imp.module() + "." + imp.name();
      if (imp.kind() != ExternKind.FUNC) {
        throw new UnknownImportException("the host provides only functions; the module imports "
            + imp.kind().name().toLowerCase() + " " + name);
      }
      Optional<HostFunctionType> provided = HostEnvironment.lookup(imp.module(), imp.name());
      if (provided.isEmpty()) {
        throw new UnknownImportException("unknown import " + name + ": the host does not provide it");
      }
      HostFunctionType type = provided.get();
      if (!type.params().equals(imp.signature().params()) || !type.results().equals(imp.signature().results())) {
        throw new UnknownImportException("import " + name + " has signature " + imp.signature().params() + " -> "
            + imp.signature().results() + "; the host provides " + type.params() + " -> " + type.results());
      }
      if (name.equals(DB_QUERY)) {
        checkAlloc(parsed);
      }
    }
  }

  private static final String DB_QUERY = "db.query";
  private static final FuncSignature ALLOC = new FuncSignature(List.of(ValueType.I32), List.of(ValueType.I32));

  private static void checkAlloc(ParsedModule parsed) {
    parsed.signatureOfExport("alloc").filter(sig -> !sig.equals(ALLOC)).ifPresent(sig -> {
          throw new InvalidModuleException("the module imports db.query, whose rows arrive through alloc(len); its "
              + "export 'alloc' has signature " + sig.params() + " -> " + sig.results() + ", expected [I32] -> [I32]");
        });
  }
}
