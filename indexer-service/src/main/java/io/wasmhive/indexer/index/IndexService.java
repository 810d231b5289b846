package io.wasmhive.indexer.index;

import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventHandlingException;
import io.wasmhive.platform.events.contract.ModuleIndexFailed;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import io.wasmhive.platform.events.contract.ModuleIndexed;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.modules.AliasOwner;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

/**
 * Requests and works off index jobs. A request for a CID that is queued, pinning or pinned publishes nothing,
 * so duplicates cause one fetch; the fetch itself runs in the consumer of {@code module_index_requested}, which
 * claims the job first, so two deliveries of one CID (two indexers, or a redelivery) fetch once.
 *
 * <p>Aliases are owned ({@link ModuleStore#claimAlias}): a request that gives one claims it first and is refused,
 * with nothing written, when another principal owns it (unless an administrator asks) or the registry does (unless
 * the chain watcher asks). A later write of a queued job's alias, when its module arrives, skips an alias the
 * registry has taken meanwhile unless the registry asked for it on that job. Thread-safe.
 */
@Service
public class IndexService {

  private static final Log logger = LogFactory.getLog(IndexService.class);

  private final IndexJobStore jobs;
  private final ModuleStore modules;
  private final ModuleSource source;
  private final EventBus bus;
  private final IndexProperties properties;
  private final ModuleCheck check;

  IndexService(IndexJobStore jobs, ModuleStore modules, ModuleSource source, EventBus bus,
      IndexProperties properties, ModuleCheck check) {
    this.check = check;
    this.jobs = jobs;
    this.modules = modules;
    this.source = source;
    this.bus = bus;
    this.properties = properties;
  }

  /**
   * Asks for the CID to be indexed; returns its job at once (pinned when the module is already stored).
   * Blocks on MongoDB and on publishing.
   *
   * @throws InvalidCidException when the text is not a supported CID
   * @throws IndexerException {@code ALIAS_OWNED} or {@code REGISTRY_ALIAS} when the requester may not move the
   *     alias; nothing is written then
   */
  public IndexJob request(String cidText, String alias, Requester requester) {
    Cid cid = Cid.parse(cidText);
    String key = cid.toV1().toString();
    if (alias != null) {
      claim(alias, requester);
    }
    Optional<StoredModule> stored = modules.find(key);
    if (stored.isPresent()) {
      return pinnedAlready(key, cidText, stored.get(), alias, requester.registry());
    }
    IndexJobStore.Enqueued enqueued = jobs.enqueue(key, cidText, alias, requester.registry());
    if (enqueued.queued()) {
      bus.publish(new ModuleIndexRequested(cidText, alias, requester.name(), Instant.now()));
    } else if (enqueued.job().status() == IndexStatus.PINNED && alias != null) {
      modules.addAlias(enqueued.job().sha256(), alias);
    }
    return enqueued.job();
  }

  /** The job of a CID in any form, or empty. */
  public Optional<IndexJob> find(String cidText) {
    return jobs.find(Cid.parse(cidText).toV1().toString());
  }

  /** Jobs newest first, optionally of one status. */
  public List<IndexJob> list(IndexStatus status, int offset, int limit) {
    return jobs.list(status, offset, limit);
  }

  /**
   * Works off one request from the stream. Returns normally when the request is answered (indexed, failed for
   * good, or in another indexer's hands); throws a retryable {@link EventHandlingException} to try again after
   * {@code indexer.index.retry-after}.
   */
  void handle(ModuleIndexRequested event, Delivery delivery) {
    Cid cid = parse(event.cid());
    String key = cid.toV1().toString();
    Optional<StoredModule> stored = modules.find(key);
    boolean registry = Requester.CHAIN_WATCHER.equals(event.requestedBy());
    if (stored.isPresent()) {
      pinnedAlready(key, event.cid(), stored.get(), event.alias(), registry);
      bus.publish(indexed(event.cid(), stored.get(), 0));
      return;
    }
    if (delivery.deliveryCount() > 1 && failed(key)) {
      answerUnclaimed(key, event.cid());
      return;
    }
    jobs.enqueue(key, event.cid(), event.alias(), registry);
    Optional<IndexJob> claimed = jobs.claim(key, properties.lease());
    if (claimed.isEmpty()) {
      answerUnclaimed(key, event.cid());
      return;
    }
    fetch(cid, key, claimed.get());
  }

  private void fetch(Cid cid, String key, IndexJob job) {
    try {
      ModuleSource.Fetched fetched = source.fetch(cid);
      String problem = check.problem(fetched.bytes());
      if (problem != null) {
        // Verified bytes: every gateway would deliver the same module, so this is final.
        throw new ModuleSource.Failure("INVALID_MODULE: the module " + cid + " from " + fetched.source()
            + " is not a valid module: " + problem, false, List.of());
      }
      Set<String> aliases = job.aliases().stream()
          .filter(alias -> pointable(alias, job.registryAliases().contains(alias))).collect(Collectors.toSet());
      ModuleOrigin origin = new ModuleOrigin(fetched.source(), null, aliases, Set.of(cid.toString()));
      StoredModule module = modules.put(fetched.bytes(), origin);
      jobs.pinned(key, module.sha256());
      bus.publish(indexed(job.cid(), module, job.attempts()));
    } catch (ModuleSource.Failure failure) {
      boolean retry = failure.retryable() && job.attempts() < properties.maxAttempts();
      jobs.failed(key, failure.getMessage(), failure.gatewayFailures(), retry);
      if (retry) {
        throw EventHandlingException.retryable("attempt " + job.attempts() + " of " + cid + " failed: "
            + failure.getMessage(), failure);
      }
      logger.warn("Indexing " + cid + " failed after " + job.attempts() + " attempts: " + failure.getMessage());
      bus.publish(new ModuleIndexFailed(job.cid(), failure.getMessage(), failure.gatewayFailures(), job.attempts()));
    }
  }

  /**
   * Whether the CID's job has failed for good. A redelivery of an entry (handed out before and not acknowledged, e.g.
   * reclaimed while its first delivery was still working) then answers from the job: enqueuing would queue the failed
   * job again and fetch once more what that delivery settled, such as a DAG too complex or a module that is not
   * WebAssembly. A new request for the CID (a new entry) still queues a failed job again.
   */
  private boolean failed(String key) {
    return jobs.find(key).map(job -> job.status() == IndexStatus.FAILED).orElse(false);
  }

  /**
   * Another delivery already did or does the work: answer from the job when it is done; while another indexer
   * holds it, keep this delivery pending (retryable), so that it takes the job over if that indexer died.
   */
  private void answerUnclaimed(String key, String cid) {
    IndexJob job = jobs.find(key).orElse(null);
    if (job != null && job.status() == IndexStatus.PINNING) {
      throw EventHandlingException.retryable(cid + " is being fetched by another delivery until "
          + job.leaseUntil(), null);
    }
    if (job != null && job.status() == IndexStatus.PINNED) {
      modules.find(job.sha256()).ifPresent(m -> bus.publish(indexed(cid, m, job.attempts())));
    } else if (job != null && job.status() == IndexStatus.FAILED) {
      bus.publish(new ModuleIndexFailed(cid, job.error(), job.gatewayFailures(), job.attempts()));
    }
  }

  /** Claims the alias for the requester, or refuses the request when it may not move the alias. */
  private void claim(String alias, Requester requester) {
    AliasOwner owner = modules.claimAlias(alias, requester.owner());
    if (owner.equals(requester.owner())) {
      return;
    }
    if (owner.registry()) {
      throw new IndexerException(ErrorCode.REGISTRY_ALIAS, "alias " + alias + " is an id of the on-chain module "
          + "registry; only the registry moves it");
    }
    if (!requester.admin()) {
      throw new IndexerException(ErrorCode.ALIAS_OWNED, "alias " + alias + " belongs to another principal; only "
          + "its owner or an administrator may re-point it");
    }
  }

  /**
   * Whether a write the requester settled earlier may still point the alias: not when the registry has taken it
   * since, unless the registry asked for it.
   */
  private boolean pointable(String alias, boolean byRegistry) {
    if (byRegistry || !modules.aliasOwner(alias).map(AliasOwner::registry).orElse(false)) {
      return true;
    }
    logger.warn("Not pointing alias " + alias + ": the on-chain registry owns it now");
    return false;
  }

  private IndexJob pinnedAlready(String key, String cid, StoredModule module, String alias, boolean registry) {
    if (alias != null && pointable(alias, registry)) {
      modules.addAlias(module.sha256(), alias);
    }
    return jobs.pinnedAlready(key, cid, module.sha256(), alias);
  }

  private static ModuleIndexed indexed(String cid, StoredModule m, int attempts) {
    return new ModuleIndexed(cid, m.sha256(), m.cidV0(), m.cidV1(), m.size(), attempts);
  }

  private static Cid parse(String text) {
    try {
      return Cid.parse(text);
    } catch (InvalidCidException e) {
      throw EventHandlingException.notRetryable("not a CID: " + text, e);
    }
  }
}
