package io.wasmhive.relay.resolution;

import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.names.GlyphName;
import io.wasmhive.relay.names.NameRecord;
import io.wasmhive.relay.names.NameRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link ModuleResolver} on the module store, the indexer and the names registry. A CID (v0 or v1) is looked up
 * in the store; when it is missing, an index request is published and the store is polled with backoff (50 ms
 * doubling to 500 ms, woken early by the indexer's answer) until the module appears, the indexer reports a
 * failure, or {@code wait} runs out. A {@code glyph://name@version} resolves through the registry to a CID and
 * SHA-256, then like a CID. Thread-safe; blocks up to {@code wait} (plus a Redis round trip).
 */
final class StoreModuleResolver implements ModuleResolver {

  private static final Log logger = LogFactory.getLog(StoreModuleResolver.class);
  private static final int CID_CACHE_SIZE = 10_000;
  private static final long FIRST_POLL_MS = 50;
  private static final long MAX_POLL_MS = 500;

  private final ModuleStore store;
  private final NameRegistry names;
  private final IndexRequests index;

  StoreModuleResolver(ModuleStore store, NameRegistry names, IndexRequests index) {
    this.store = store;
    this.names = names;
    this.index = index;
  }

  /**
   * CID → SHA-256 of the stored module, for CIDs found before. A CID is a hash of the content, so the answer never
   * changes: a hit costs no store round trip. Bounded (least recently used out); names are not cached ({@code
   * latest} moves).
   */
  private final Map<String, String> shaByCid = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CID_CACHE_SIZE;
        }
      });

  /**
   * Resolves the reference.
   *
   * @throws IllegalArgumentException when it is neither a CID nor a valid {@code glyph://} name
   * @throws ModuleNotFoundException naming what was tried
   */
  @Override
  public ResolvedModule resolve(String reference, Duration wait) {
    List<String> tried = new ArrayList<>();
    if (GlyphName.isGlyph(reference)) {
      GlyphName glyph = GlyphName.parse(reference);
      Optional<NameRecord> record = names.find(glyph);
      if (record.isEmpty()) {
        tried.add("name registry: no glyph " + glyph.name() + "@" + glyph.version());
        throw new ModuleNotFoundException(reference, tried);
      }
      tried.add("name registry: " + glyph.name() + "@" + record.get().version() + " is " + record.get().cid());
      return new ResolvedModule(reference, record.get().cid(), byCid(reference, record.get().cid(), wait, tried));
    }
    String known = shaByCid.get(reference);
    if (known != null) {
      return new ResolvedModule(reference, reference, known);
    }
    Cid cid = parse(reference);
    return new ResolvedModule(reference, reference, byCid(reference, cid.toString(), wait, tried));
  }

  /** The SHA-256 of the module a CID names, from the cache or the store (waiting for the indexer if missing). */
  private String byCid(String reference, String cid, Duration wait, List<String> tried) {
    String known = shaByCid.get(cid);
    if (known != null) {
      return known;
    }
    StoredModule module = storedByCid(reference, cid, wait, tried);
    shaByCid.put(cid, module.sha256());
    return module.sha256();
  }

  private StoredModule storedByCid(String reference, String cid, Duration wait, List<String> tried) {
    Optional<StoredModule> stored = store.find(cid);
    if (stored.isPresent()) {
      return stored.get();
    }
    tried.add("module store by CID " + cid + ": not found");
    IndexRequests.Pending pending;
    try {
      pending = index.request(cid);
    } catch (RuntimeException e) {
      // What was tried goes to the client: the failure's own message (the Redis client's words) only to the log.
      logger.warn("Could not request " + cid + " from the indexer: " + e.getMessage());
      tried.add("index request to indexer: could not be published (the event bus is unreachable)");
      throw new ModuleNotFoundException(reference, tried);
    }
    try (pending) {
      return awaitStored(reference, cid, wait, pending, tried);
    }
  }

  private StoredModule awaitStored(String reference, String cid, Duration wait, IndexRequests.Pending pending,
      List<String> tried) {
    long deadline = System.nanoTime() + wait.toNanos();
    long poll = FIRST_POLL_MS;
    while (true) {
      long seen = pending.wakeups();
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      String failure = null;
      if (leftMs > 0) {
        try {
          failure = pending.await(Math.min(poll, leftMs), seen);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          tried.add("index request to indexer: interrupted while waiting");
          throw new ModuleNotFoundException(reference, tried);
        }
      }
      Optional<StoredModule> stored = store.find(cid);
      if (stored.isPresent()) {
        return stored.get();
      }
      if (failure != null) {
        tried.add("index request to indexer: " + failure);
        throw new ModuleNotFoundException(reference, tried);
      }
      if (System.nanoTime() - deadline >= 0) {
        tried.add("index request to indexer: timed out after " + describe(wait));
        throw new ModuleNotFoundException(reference, tried);
      }
      poll = Math.min(poll * 2, MAX_POLL_MS);
    }
  }

  private static Cid parse(String reference) {
    try {
      return Cid.parse(reference == null ? "" : reference.trim());
    } catch (InvalidCidException e) {
      throw new IllegalArgumentException("'" + reference + "' is neither a CID (v0 Qm… or v1 b…) nor a "
          + GlyphName.SCHEME + "name@version: " + e.getMessage(), e);
    }
  }

  private static String describe(Duration wait) {
    long ms = wait.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
