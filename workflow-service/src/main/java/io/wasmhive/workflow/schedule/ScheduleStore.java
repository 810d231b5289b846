package io.wasmhive.workflow.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Schedules in MongoDB ({@value #COLLECTION}, one document per workflow, {@code _id} = the workflow id). Every
 * change is one conditional update on the state (and, for a firing, the expected {@code next} and {@code runs}), so
 * two instances acting at once cannot both fire the same due time or undo each other's pause. Thread-safe.
 */
class ScheduleStore {

  /** The collection. */
  static final String COLLECTION = "workflow_schedules";

  private final MongoTemplate mongo;

  ScheduleStore(MongoTemplate mongo) {
    this.mongo = mongo;
    mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("next", Sort.Direction.ASC));
  }

  /** Stores a new schedule; a second one for the same workflow is ignored (the first stays). */
  void create(Schedule schedule) {
    Query query = new Query(Criteria.where("_id").is(schedule.workflowId()));
    Update update = new Update();
    Document doc = document(schedule);
    doc.forEach((key, value) -> update.setOnInsert(key, value));
    mongo.upsert(query, update, COLLECTION);
  }

  Optional<Schedule> find(String workflowId) {
    return Optional.ofNullable(mongo.findById(workflowId, Document.class, COLLECTION)).map(ScheduleStore::schedule);
  }

  /** Active schedules due at {@code now}, the longest overdue first, at most {@code limit}. */
  List<Schedule> due(Instant now, int limit) {
    Query query = new Query(Criteria.where("state").is(ScheduleState.ACTIVE.wire()).and("next").lte(Date.from(now)))
        .with(Sort.by("next")).limit(limit);
    return mongo.find(query, Document.class, COLLECTION).stream().map(ScheduleStore::schedule).toList();
  }

  /**
   * Records a firing of {@code due}, only if the schedule is still active with the {@code next} and {@code runs}
   * read: answers true for exactly one caller per due time.
   *
   * @param following the next due time, or {@code null} when the schedule is finished by this firing
   */
  boolean fire(Schedule due, Instant firedAt, Instant following) {
    Query query = new Query(Criteria.where("_id").is(due.workflowId()).and("state").is(ScheduleState.ACTIVE.wire())
        .and("next").is(Date.from(due.next())).and("runs").is(due.runs()));
    Update update = new Update().inc("runs", 1).set("lastDue", Date.from(due.next()))
        .set("lastRun", Date.from(firedAt)).set("next", date(following));
    if (following == null) {
      update.set("state", ScheduleState.FINISHED.wire());
    }
    return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
  }

  /**
   * Moves the schedule from {@code from} to {@code to} with a new {@code next}, only if it is still in {@code from}
   * with the runs read; answers the schedule as written, or empty when it had changed.
   */
  Optional<Schedule> transition(Schedule from, ScheduleState to, Instant next) {
    Query query = new Query(Criteria.where("_id").is(from.workflowId()).and("state").is(from.state().wire())
        .and("runs").is(from.runs()));
    Update update = new Update().set("state", to.wire()).set("next", date(next));
    Document doc = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
        COLLECTION);
    return Optional.ofNullable(doc).map(ScheduleStore::schedule);
  }

  private static Document document(Schedule s) {
    return new Document("_id", s.workflowId()).append("state", s.state().wire()).append("next", date(s.next()))
        .append("runs", s.runs()).append("lastDue", date(s.lastDue())).append("lastRun", date(s.lastRun()))
        .append("reason", s.reason());
  }

  private static Schedule schedule(Document doc) {
    Number runs = doc.get("runs", Number.class);
    return new Schedule(doc.getString("_id"), ScheduleState.ofWire(doc.getString("state")), instant(doc, "next"),
        runs == null ? 0 : runs.longValue(), instant(doc, "lastDue"), instant(doc, "lastRun"),
        doc.getString("reason"));
  }

  private static Instant instant(Document doc, String key) {
    Date date = doc.getDate(key);
    return date == null ? null : date.toInstant();
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
