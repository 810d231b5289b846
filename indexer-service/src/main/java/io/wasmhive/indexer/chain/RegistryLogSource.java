package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.EventSource;

/** The chain as the watcher reads it: its id, its head and the registry's decoded events in a block range. */
interface RegistryLogSource extends EventSource<RegistryEvent> {
}
