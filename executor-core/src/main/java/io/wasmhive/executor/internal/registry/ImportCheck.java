package io.wasmhive.executor.internal.registry;

import io.wasmhive.executor.UnknownImportException;
import io.wasmhive.executor.engine.HostFunctionType;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.wasm.ExternKind;
import io.wasmhive.executor.internal.wasm.ImportEntry;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import java.util.Optional;

/** Checks at registration that the host provides every import with the signature the module expects. */
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
    }
  }
}
