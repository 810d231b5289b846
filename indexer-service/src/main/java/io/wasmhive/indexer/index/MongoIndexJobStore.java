package io.wasmhive.indexer.index;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** {@link IndexJobStore} on the {@code index_jobs} collection; state changes are single atomic updates. */
@Component
class MongoIndexJobStore implements IndexJobStore {

  static final String COLLECTION = "index_jobs";

  private final MongoTemplate mongo;

  MongoIndexJobStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Enqueued enqueue(String key, String cid, String alias, boolean registry) {
    Instant now = Instant.now();
    List<String> aliases = alias == null ? List.of() : List.of(alias);
    Document fresh = new Document("_id", key).append("cid", cid).append("status", IndexStatus.QUEUED.wire())
        .append("attempts", 0).append("aliases", aliases)
        .append("registry_aliases", registry ? aliases : List.of())
        .append("created_at", now).append("updated_at", now);
    try {
      mongo.insert(fresh, COLLECTION);
      return new Enqueued(toJob(fresh), true);
    } catch (DuplicateKeyException existing) {
      addAlias(key, alias, registry);
      Update requeue = new Update().set("status", IndexStatus.QUEUED.wire()).set("updated_at", now)
          .unset("error").unset("gateway_failures");
      Document requeued = modify(query(where("_id").is(key).and("status").is(IndexStatus.FAILED.wire())), requeue);
      return requeued != null ? new Enqueued(toJob(requeued), true) : new Enqueued(find(key).orElseThrow(), false);
    }
  }

  @Override
  public IndexJob pinnedAlready(String key, String cid, String sha256, String alias) {
    Instant now = Instant.now();
    Update update = new Update().setOnInsert("cid", cid).setOnInsert("created_at", now).setOnInsert("attempts", 0)
        .set("status", IndexStatus.PINNED.wire()).set("sha256", sha256).set("updated_at", now)
        .unset("error").unset("lease_until");
    if (alias != null) {
      update.addToSet("aliases", alias);
    }
    Document doc = mongo.findAndModify(query(where("_id").is(key)), update,
        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    return toJob(doc);
  }

  @Override
  public Optional<IndexJob> claim(String key, Duration lease) {
    Instant now = Instant.now();
    Criteria claimable = new Criteria().orOperator(where("status").is(IndexStatus.QUEUED.wire()),
        where("status").is(IndexStatus.PINNING.wire()).and("lease_until").lt(now));
    Update update = new Update().set("status", IndexStatus.PINNING.wire()).inc("attempts", 1)
        .set("lease_until", now.plus(lease)).set("updated_at", now);
    return Optional.ofNullable(modify(query(where("_id").is(key)).addCriteria(claimable), update))
        .map(MongoIndexJobStore::toJob);
  }

  @Override
  public void pinned(String key, String sha256) {
    mongo.updateFirst(query(where("_id").is(key)), new Update().set("status", IndexStatus.PINNED.wire())
        .set("sha256", sha256).set("updated_at", Instant.now()).unset("lease_until").unset("error")
        .unset("gateway_failures"), COLLECTION);
  }

  @Override
  public void failed(String key, String error, List<String> gatewayFailures, boolean retry) {
    IndexStatus status = retry ? IndexStatus.QUEUED : IndexStatus.FAILED;
    mongo.updateFirst(query(where("_id").is(key)), new Update().set("status", status.wire()).set("error", error)
        .set("gateway_failures", gatewayFailures).set("updated_at", Instant.now()).unset("lease_until"),
        COLLECTION);
  }

  @Override
  public Optional<IndexJob> find(String key) {
    return Optional.ofNullable(mongo.findById(key, Document.class, COLLECTION)).map(MongoIndexJobStore::toJob);
  }

  @Override
  public List<IndexJob> list(IndexStatus status, int offset, int limit) {
    Query q = status == null ? new Query() : query(where("status").is(status.wire()));
    q.with(Sort.by(Sort.Direction.DESC, "created_at").and(Sort.by("_id"))).skip(offset).limit(limit);
    return mongo.find(q, Document.class, COLLECTION).stream().map(MongoIndexJobStore::toJob).toList();
  }

  private void addAlias(String key, String alias, boolean registry) {
    if (alias != null) {
      Update update = new Update().addToSet("aliases", alias);
      if (registry) {
        update.addToSet("registry_aliases", alias);
      }
      mongo.updateFirst(query(where("_id").is(key)), update, COLLECTION);
    }
  }

  private Document modify(Query q, Update update) {
    return mongo.findAndModify(q, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
  }

  private static IndexJob toJob(Document d) {
    return new IndexJob(d.getString("_id"), d.getString("cid"),
        IndexStatus.valueOf(d.getString("status").toUpperCase(java.util.Locale.ROOT)),
        ((Number) d.getOrDefault("attempts", 0)).intValue(), d.getString("error"), strings(d.get("gateway_failures")),
        d.getString("sha256"), new LinkedHashSet<>(strings(d.get("aliases"))), instant(d.get("created_at")),
        instant(d.get("updated_at")), instant(d.get("lease_until")),
        new LinkedHashSet<>(strings(d.get("registry_aliases"))));
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : (Instant) value;
  }
}
