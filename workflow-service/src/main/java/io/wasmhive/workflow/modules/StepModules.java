package io.wasmhive.workflow.modules;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.workflow.sdk.Step;
import io.wasmhive.workflow.sdk.StepType;
import io.wasmhive.workflow.sdk.Workflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The modules of WASM steps. A step's {@code wasmHash} names a module in the shared store by its SHA-256 (64 hex
 * digits, any case), by either CID form, or by an alias; real deployments send the module registry's id (64 hex
 * digits of a keccak-256, no {@code 0x}), which the indexer records as an alias when it sees {@code WasmCreated},
 * and which the store's {@link ModuleStore#find} tries after the SHA-256. A module the store lacks is requested
 * from the indexer on {@code module_index_requested}: by its CID, or, for 64 hex digits, by the CIDv1 with raw
 * leaves that digest names ({@code bafkrei…}, what {@code ipfs add --cid-version=1} gives a module of one chunk,
 * up to 256 KiB); an alias of another form names no CID and cannot be requested. Requests are published and not
 * waited for. Thread-safe; look-ups block on MongoDB, requests on Redis.
 */
public class StepModules {

  private static final Log logger = LogFactory.getLog(StepModules.class);
  private static final Pattern HEX64 = Pattern.compile("(?i)[0-9a-f]{64}");

  /** Who the index requests say they come from. */
  public static final String REQUESTED_BY = "workflow-service";

  private final ModuleStore store;
  private final EventBus bus;
  private final Clock clock;
  /** Content references (SHA-256, CIDs) resolved before: they never change meaning. Bounded. */
  private final java.util.Map<String, String> contentAddressed = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
          return size() > 10_000;
        }
      });

  public StepModules(ModuleStore store, EventBus bus, Clock clock) {
    this.store = store;
    this.bus = bus;
    this.clock = clock;
  }

  /** The message of a step whose module is not stored (the SDK executor's words). */
  public static String notFoundMessage(String wasmHash) {
    return "WASM module not found in database: " + wasmHash + ". Indexer may need to fetch it from IPFS.";
  }

  /** The stored module a {@code wasmHash} names, or empty. Blocks on MongoDB. */
  public Optional<StoredModule> find(String wasmHash) {
    if (wasmHash == null || wasmHash.isBlank()) {
      return Optional.empty();
    }
    return store.find(wasmHash.trim());
  }

  /**
   * The SHA-256 (lower-case hex) of the stored module a {@code wasmHash} names, or empty when none is stored; its
   * bytes are then {@code ModuleStore.bytes(sha256)}. Blocks on MongoDB.
   */
  public Optional<String> sha256(String wasmHash) {
    if (wasmHash == null || wasmHash.isBlank()) {
      return Optional.empty();
    }
    String reference = wasmHash.trim();
    String known = contentAddressed.get(reference);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<StoredModule> module = store.find(reference);
    module.filter(m -> namesContent(reference, m)).ifPresent(m -> contentAddressed.put(reference, m.sha256()));
    return module.map(StoredModule::sha256);
  }

  /**
   * Whether {@code reference} names the module by its content (its SHA-256 or one of its CIDs), so that it names
   * the same module forever; an alias may be re-pointed and is read from the store every time.
   */
  private static boolean namesContent(String reference, StoredModule module) {
    return reference.equalsIgnoreCase(module.sha256()) || reference.equals(module.cidV0())
        || reference.equals(module.cidV1()) || module.cids().contains(reference);
  }

  /**
   * Publishes {@code module_index_requested} for a {@code wasmHash}, without waiting for the indexer. Returns the
   * CID requested, or empty when the reference names no CID (an alias of another form) or the bus is unreachable
   * (logged: the caller goes on). Blocks one Redis round trip.
   */
  public Optional<String> requestIndexing(String wasmHash) {
    Optional<String> cid = cidOf(wasmHash);
    if (cid.isEmpty()) {
      logger.info("WASM module " + wasmHash + " is not stored and names no CID: it cannot be requested");
      return Optional.empty();
    }
    try {
      bus.publish(new ModuleIndexRequested(cid.get(), null, REQUESTED_BY, clock.instant()));
      return cid;
    } catch (RuntimeException e) {
      logger.warn("Could not request " + cid.get() + " from the indexer: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Requests indexing for every distinct {@code wasmHash} of the workflow's WASM steps the store lacks; returns
   * those it requested, in step order. Blocks on MongoDB and Redis.
   */
  public List<String> requestMissing(Workflow workflow) {
    Set<String> hashes = new LinkedHashSet<>();
    workflow.jobs().forEach(job -> job.steps().stream()
        .filter(step -> step.type() == StepType.WASM)
        .map(Step::wasmHash)
        .forEach(hashes::add));
    List<String> requested = new ArrayList<>();
    for (String hash : hashes) {
      if (find(hash).isEmpty() && requestIndexing(hash).isPresent()) {
        requested.add(hash);
      }
    }
    return requested;
  }

  /** The CID to ask the indexer for: the reference itself when it is a CID, the raw CIDv1 of 64 hex digits. */
  static Optional<String> cidOf(String wasmHash) {
    if (wasmHash == null) {
      return Optional.empty();
    }
    String reference = wasmHash.trim();
    if (HEX64.matcher(reference).matches()) {
      return Optional.of(Cid.of(1, Codec.RAW, HexFormat.of().parseHex(reference)).toString());
    }
    try {
      return Optional.of(Cid.parse(reference).toString());
    } catch (InvalidCidException e) {
      return Optional.empty();
    }
  }
}
