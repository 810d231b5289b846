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
    create(schedule, false);
  }

  /**
   * Stores a new schedule, marked {@code watched} when the workflow has {@code event} triggers the chain watcher
   * follows; a second one for the same workflow is ignored (the first stays).
   */
  void create(Schedule schedule, boolean watched) {
    Query query = new Query(Criteria.where("_id").is(schedule.workflowId()));
    Update update = new Update();
    Document doc = document(schedule).append("watched", watched);
    doc.forEach((key, value) -> update.setOnInsert(key, value));
    mongo.upsert(query, update, COLLECTION);
  }

  Optional<Schedule> find(String workflowId) {
    return Optional.ofNullable(mongo.findById(workflowId, Document.class, COLLECTION)).map(ScheduleStore::schedule);
  }

  /** Active schedules due at {@code now}, the longest overdue first, at most {@code limit}. */
  List<Schedule> due(Instant now, int limit) {
    Query query = new Query(Criteria.where("state").is(ScheduleState.ACTIVE.wire()).and("next").ne(null)
        .lte(Date.from(now)))
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
    return fire(due, firedAt, following, false);
  }

  /**
   * Records a firing of {@code due} as {@link #fire(Schedule, Instant, Instant)} does; with {@code stayActive} a
   * schedule with no next due time stays active (its event triggers still run it).
   */
  boolean fire(Schedule due, Instant firedAt, Instant following, boolean stayActive) {
    Query query = new Query(Criteria.where("_id").is(due.workflowId()).and("state").is(ScheduleState.ACTIVE.wire())
        .and("next").is(Date.from(due.next())).and("runs").is(due.runs()));
    Update update = new Update().inc("runs", 1).set("lastDue", Date.from(due.next()))
        .set("lastRun", Date.from(firedAt)).set("next", date(following));
    if (following == null && !stayActive) {
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

  /**
   * Active schedules whose workflows have event triggers, by workflow id after {@code afterId} (from the first when
   * it is {@code null}), at most {@code limit}: a watcher pages through them poll by poll.
   */
  List<Schedule> watched(String afterId, int limit) {
    Criteria criteria = Criteria.where("state").is(ScheduleState.ACTIVE.wire()).and("watched").is(true);
    if (afterId != null) {
      criteria = criteria.and("_id").gt(afterId);
    }
    Query query = new Query(criteria).with(Sort.by("_id")).limit(limit);
    return mongo.find(query, Document.class, COLLECTION).stream().map(ScheduleStore::schedule).toList();
  }

  /**
   * Counts one firing by an event: adds one to {@code runs} only if the schedule is active and, with a
   * {@code count}, has fewer runs than it; when that firing is the last one the count allows, the schedule is
   * finished in the same update. Answers the runs after the firing, or empty when it may not fire.
   */
  java.util.OptionalLong fireEvent(String workflowId, Long count, Instant firedAt) {
    Criteria criteria = Criteria.where("_id").is(workflowId).and("state").is(ScheduleState.ACTIVE.wire());
    if (count != null) {
      criteria = criteria.and("runs").lt(count);
    }
    Document doc = mongo.findAndModify(new Query(criteria), new Update().inc("runs", 1).set("lastRun",
        Date.from(firedAt)), FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    if (doc == null) {
      return java.util.OptionalLong.empty();
    }
    long runs = doc.get("runs", Number.class).longValue();
    if (count != null && runs >= count) {
      finish(workflowId);
    }
    return java.util.OptionalLong.of(runs);
  }

  /** Finishes the schedule if it is active (the count reached, {@code validUntil} passed). */
  void finish(String workflowId) {
    mongo.updateFirst(new Query(Criteria.where("_id").is(workflowId).and("state").is(ScheduleState.ACTIVE.wire())),
        new Update().set("state", ScheduleState.FINISHED.wire()).set("next", null), COLLECTION);
  }

  /**
   * Notes how the watcher stands with trigger {@code index} of the workflow ({@code watches.<index>}): its state
   * ({@code watching}, {@code unavailable}, {@code invalid}), the block the cursor is past and why it is not
   * watching, if so.
   */
  void noteWatch(String workflowId, int index, Document watch) {
    mongo.updateFirst(new Query(Criteria.where("_id").is(workflowId)),
        new Update().set("watches." + index, watch), COLLECTION);
  }

  /** What {@link #noteWatch} noted for the workflow, by trigger index; empty when nothing was. */
  Document watches(String workflowId) {
    Query query = new Query(Criteria.where("_id").is(workflowId));
    query.fields().include("watches");
    Document doc = mongo.findOne(query, Document.class, COLLECTION);
    Document watches = doc == null ? null : doc.get("watches", Document.class);
    return watches == null ? new Document() : watches;
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
