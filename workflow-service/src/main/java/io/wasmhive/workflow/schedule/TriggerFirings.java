package io.wasmhive.workflow.schedule;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.wasmhive.platform.chainwatch.ChainLog;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The firings of workflows by logs ({@value #COLLECTION}): one document per (workflow, trigger, transaction, log
 * index), {@code _id} = {@code <workflowId>:<trigger>:<txHash>:<logIndex>}, or for an onchain trigger per (workflow,
 * trigger, block), {@code <workflowId>:<trigger>:block:<number>}. Recording one is the claim that makes a
 * log fire a workflow once, whichever instance or retry sees it: the insert of an existing id fails. Thread-safe.
 */
class TriggerFirings {

  /** The collection. */
  static final String COLLECTION = "workflow_trigger_firings";

  private final MongoTemplate mongo;

  TriggerFirings(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Records the firing {@code id}; answers false when it was recorded before. */
  boolean claim(String id, String workflowId, int trigger, ChainLog log, Instant at) {
    return claim(id, new Document("workflowId", workflowId).append("trigger", trigger)
        .append("block", log.blockNumber()).append("txHash", log.txHash()).append("logIndex", log.logIndex())
        .append("at", Date.from(at)));
  }

  /** Records the firing {@code id} of an onchain trigger at {@code block}; answers false when it was before. */
  boolean claim(String id, String workflowId, int trigger, long block, Instant at) {
    return claim(id, new Document("workflowId", workflowId).append("trigger", trigger).append("block", block)
        .append("at", Date.from(at)));
  }

  private boolean claim(String id, Document fields) {
    Document doc = new Document("_id", id);
    doc.putAll(fields);
    try {
      mongo.insert(doc, COLLECTION);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** Removes a claim whose firing did not happen (the schedule had stopped meanwhile). */
  void release(String id) {
    mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
  }

  /** How many logs fired the workflow. */
  long count(String workflowId) {
    return mongo.count(new Query(Criteria.where("workflowId").is(workflowId)), COLLECTION);
  }
}
