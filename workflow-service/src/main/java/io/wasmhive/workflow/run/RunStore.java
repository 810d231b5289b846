package io.wasmhive.workflow.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Runs in MongoDB ({@code workflow_runs}, one document per run). A run is claimed by one runner at a time under a
 * lease ({@link #claim}); its final state is written once, by the runner holding the current claim
 * ({@link #finish}), so a runner whose lease ran out while another took over cannot overwrite the result.
 * Thread-safe.
 */
public final class RunStore {

  /** The collection. */
  public static final String COLLECTION = "workflow_runs";

  private final MongoTemplate mongo;
  private final Clock clock;

  public RunStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    mongo.indexOps(COLLECTION).createIndex(new Index().on("workflowId", org.springframework.data.domain.Sort.Direction.ASC));
  }

  /** Stores a new, queued run. */
  public void create(RunRecord run) {
    Document doc = new Document("_id", run.id())
        .append("workflowId", run.workflowId())
        .append("jobId", run.jobId())
        .append("tenant", run.tenant())
        .append("status", run.status().name())
        .append("attempts", run.attempts())
        .append("leaseUntil", null)
        .append("createdAt", Date.from(run.createdAt()))
        .append("body", run.body());
    mongo.getCollection(COLLECTION).insertOne(doc);
  }

  /** The run, if there is one with this id. */
  public Optional<RunRecord> find(String id) {
    Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    return Optional.ofNullable(doc).map(RunStore::record);
  }

  /**
   * Claims the run for {@code lease}: it must be queued, or running under a lease that has ended. Answers the
   * claimed run (with its attempt number raised), or empty when it is final or another runner holds it.
   */
  public Optional<RunRecord> claim(String id, Duration lease) {
    Instant now = clock.instant();
    Criteria claimable = new Criteria().orOperator(
        Criteria.where("status").is(RunStatus.QUEUED.name()),
        new Criteria().andOperator(Criteria.where("status").is(RunStatus.RUNNING.name()),
            Criteria.where("leaseUntil").lt(Date.from(now))));
    Query query = new Query(new Criteria().andOperator(Criteria.where("_id").is(id), claimable));
    Update update = new Update().set("status", RunStatus.RUNNING.name())
        .set("leaseUntil", Date.from(now.plus(lease))).inc("attempts", 1);
    Document doc = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
        COLLECTION);
    return Optional.ofNullable(doc).map(RunStore::record);
  }

  /**
   * Writes the running run's body (progress) and renews the lease for another {@code lease}, while the claim of
   * {@code attempt} holds; false when it is lost. A runner that keeps making progress keeps its run.
   */
  public boolean progress(String id, int attempt, String body, Duration lease) {
    Query query = new Query(Criteria.where("_id").is(id).and("status").is(RunStatus.RUNNING.name())
        .and("attempts").is(attempt));
    Update update = new Update().set("body", body).set("leaseUntil", Date.from(clock.instant().plus(lease)));
    return mongo.updateFirst(query, update, COLLECTION).getMatchedCount() == 1;
  }

  /**
   * Writes the final state, once: only the runner holding the claim of {@code attempt} can, and only while the run
   * is running. Answers whether it wrote.
   */
  public boolean finish(String id, int attempt, RunStatus status, String body) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    Query query = new Query(Criteria.where("_id").is(id).and("status").is(RunStatus.RUNNING.name())
        .and("attempts").is(attempt));
    Update update = new Update().set("status", status.name()).set("body", body).unset("leaseUntil");
    return mongo.updateFirst(query, update, COLLECTION).getMatchedCount() == 1;
  }

  private static RunRecord record(Document doc) {
    Date lease = doc.getDate("leaseUntil");
    return new RunRecord(doc.getString("_id"), doc.getString("workflowId"), doc.getString("jobId"),
        doc.getString("tenant"), RunStatus.valueOf(doc.getString("status")), doc.getInteger("attempts", 0),
        lease == null ? null : lease.toInstant(), doc.getDate("createdAt").toInstant(), doc.getString("body"));
  }
}
