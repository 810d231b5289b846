package io.wasmhive.indexer.index;

import io.wasmhive.indexer.chain.ModuleRegistered;
import io.wasmhive.indexer.chain.ModuleUpdated;
import io.wasmhive.indexer.chain.RegistryEventSink;
import io.wasmhive.platform.ipfs.InvalidCidException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the chain watcher found becomes index requests: a created or updated registry entry indexes its IPFS
 * hash and records the registry id as an alias, which the registry owns from then on (no principal may re-point it,
 * and one that claimed it first loses it). Idempotent, as the watcher requires: a repeated event finds
 * the job queued or pinned and adds nothing twice. Created in {@link IndexConfiguration} unless the application
 * brings its own sink.
 */
class ChainRegistrySink implements RegistryEventSink {

  private static final Log logger = LogFactory.getLog(ChainRegistrySink.class);

  private final IndexService index;

  ChainRegistrySink(IndexService index) {
    this.index = index;
  }

  @Override
  public void created(ModuleRegistered event) {
    request(event.ipfsHash(), event.id(), event.blockNumber());
  }

  @Override
  public void updated(ModuleUpdated event) {
    request(event.newIpfsHash(), event.id(), event.blockNumber());
  }

  /** A registry entry whose hash is no CID is bad data, not a transient failure: it is skipped, not retried. */
  private void request(String ipfsHash, String id, long block) {
    try {
      index.request(ipfsHash, id, Requester.chainWatcher());
    } catch (InvalidCidException e) {
      logger.warn("Registry entry " + id + " at block " + block + " names no valid CID ('" + ipfsHash + "'): "
          + e.getMessage());
    }
  }
}
