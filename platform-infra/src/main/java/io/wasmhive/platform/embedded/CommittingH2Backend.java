package io.wasmhive.platform.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend that commits the MVStore after every command that changed it,
 * before the command's reply is sent: an acknowledged write is in the file (the operating system's
 * page cache, not yet fsynced) and survives a kill -9 of the process. The stock backend leaves
 * commits to MVStore's background writer, which runs about once a second, so a write acknowledged
 * less than a second before a kill -9 was lost. Thread-safe: MVStore serializes commits.
 */
final class CommittingH2Backend extends H2Backend {

  private final MVStore store;

  private CommittingH2Backend(MVStore store) {
    super(store);
    this.store = store;
  }

  /** Opens (or creates) the MVStore file and the backend on it, with MVStore's default page cache. Blocks on I/O. */
  static CommittingH2Backend open(String fileName) {
    return new CommittingH2Backend(new MVStore.Builder().fileName(fileName).open());
  }

  /**
   * Opens (or creates) the MVStore file and the backend on it with a page cache of {@code cacheMib} MiB: the
   * documents the backend keeps deserialized on the heap, least recently used evicted. Blocks on file I/O.
   */
  static CommittingH2Backend open(String fileName, int cacheMib) {
    return new CommittingH2Backend(new MVStore.Builder().fileName(fileName).cacheSize(cacheMib).open());
  }

  /** The page cache's bound in MiB. */
  int cacheSizeMib() {
    return store.getCacheSize();
  }

  /** The page cache's use in MiB, by MVStore's estimate of the pages' memory. */
  int cacheUsedMib() {
    return store.getCacheSizeUsed();
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // Also after a failed command: an ordered insertMany may have stored some documents.
      if (store.hasUnsavedChanges()) {
        store.commit();
      }
    }
  }
}
