package io.wasmhive.workflow.wasm;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ModuleInfo;

/** How the simulator enters a workflow module: {@code run} (wasmtime's {@code --invoke run}), else {@code _start}. */
final class EntryChoice {

  static final String RUN = "run";
  static final String START = "_start";
  static final String NO_ENTRY = "the module exports neither a \"run\" nor a \"_start\" function";

  private EntryChoice() {
  }

  /** The entry, or {@code null} when the module has neither export. */
  static Entry of(ModuleInfo info) {
    if (info.exports().containsKey(RUN)) {
      return Entry.stdio(RUN);
    }
    if (info.exports().containsKey(START)) {
      return Entry.command();
    }
    return null;
  }
}
