package io.wasmhive.relay.execution;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a module is entered (the input/output rule of the README, stage 7):
 * <ol>
 *   <li>a module exporting {@code _start} is a WASI command;</li>
 *   <li>else one exporting {@code run()} without parameters or results is a WASI reactor ({@code _initialize}
 *       first when exported);</li>
 *   <li>else it is called as a typed function: its only exported function apart from {@code _initialize},
 *       {@code alloc}, {@code dealloc}, {@code free}, {@code malloc} and names starting with {@code __}; when
 *       there are several, the one named {@code main}, else the one named {@code run}; else the request is
 *       {@code INVALID_INPUT}, naming the candidates.</li>
 * </ol>
 * Stateless.
 */
final class EntryRule {

  private static final Set<String> HELPERS = Set.of("_initialize", "alloc", "dealloc", "free", "malloc");

  private EntryRule() {
  }

  /** The way in: stdio (command or reactor) or a typed export. */
  sealed interface Plan {

    /** JSON on stdin, JSON on stdout; {@code export} is null for {@code _start}. */
    record Stdio(String export) implements Plan {
    }

    /** Typed arguments from the {@code inputs} array, typed results as output. */
    record Typed(String export, Signature signature) implements Plan {
    }
  }

  static Plan choose(ModuleInfo module) {
    Map<String, Signature> exports = module.exports();
    if (exports.containsKey("_start")) {
      return new Plan.Stdio(null);
    }
    Signature run = exports.get("run");
    if (run != null && run.params().isEmpty() && run.results().isEmpty()) {
      return new Plan.Stdio("run");
    }
    Set<String> candidates = new TreeSet<>();
    exports.keySet().stream().filter(name -> !HELPERS.contains(name) && !name.startsWith("__"))
        .forEach(candidates::add);
    String chosen = candidates.size() == 1 ? candidates.iterator().next()
        : candidates.contains("main") ? "main" : candidates.contains("run") ? "run" : null;
    if (chosen == null) {
      throw new ExecutionFailure(ExecutionFailure.INVALID_INPUT, candidates.isEmpty()
          ? "the module exports no function to call (neither _start, run nor any other)"
          : "the module exports several functions " + List.copyOf(candidates)
              + " and none is named main or run; export one, or name the entry main");
    }
    return new Plan.Typed(chosen, exports.get(chosen));
  }
}
