package io.wasmhive.workflow.tx;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The transactions of executed steps in MongoDB ({@code workflow_transactions}, one document per run and step,
 * {@code _id} {@code <runId>:<step>}): the signed transaction and its hash, written before it is sent. A run
 * re-attempted after its runner died finds the step's transaction here and looks it up on the chain instead of
 * sending a new one. Signed transactions are public once sent; nothing secret is stored. Thread-safe.
 */
public final class SentTransactions {

  /** The collection. */
  public static final String COLLECTION = "workflow_transactions";

  private final MongoTemplate mongo;
  private final Clock clock;

  public SentTransactions(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * A signed transaction of a step.
   *
   * @param chainId the chain it is for
   * @param from the signer's address
   * @param nonce its nonce
   * @param hash its hash, {@code 0x} hex
   * @param raw the signed transaction, {@code 0x} hex
   */
  public record Sent(long chainId, String from, long nonce, String hash, String raw) {
  }

  /** The transaction recorded for step {@code step} of run {@code runId}, if any. */
  public Optional<Sent> find(String runId, int step) {
    Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", id(runId, step))).first();
    return Optional.ofNullable(doc).map(d -> new Sent(d.getLong("chainId"), d.getString("from"), d.getLong("nonce"),
        d.getString("hash"), d.getString("raw")));
  }

  /** Records (or replaces) the transaction of a step; returns once MongoDB has acknowledged it. */
  public void record(String runId, int step, Sent sent) {
    Document doc = new Document("_id", id(runId, step)).append("runId", runId).append("step", step)
        .append("chainId", sent.chainId()).append("from", sent.from()).append("nonce", sent.nonce())
        .append("hash", sent.hash()).append("raw", sent.raw()).append("recordedAt", Date.from(clock.instant()));
    mongo.getCollection(COLLECTION).replaceOne(new Document("_id", id(runId, step)), doc,
        new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  /** Forgets the transaction of a step that the node refused: it was never sent. */
  public void forget(String runId, int step) {
    mongo.getCollection(COLLECTION).deleteOne(new Document("_id", id(runId, step)));
  }

  private static String id(String runId, int step) {
    return runId + ":" + step;
  }
}
