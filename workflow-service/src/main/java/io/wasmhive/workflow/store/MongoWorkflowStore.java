package io.wasmhive.workflow.store;

import io.wasmhive.workflow.sdk.SerializedWorkflow;
import io.wasmhive.workflow.sdk.WorkflowReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@link WorkflowStore} on the MongoDB collection {@value #COLLECTION}: one document per workflow, {@code _id} (a
 * random UUID), {@code owner} (the SDK's owner address), {@code principal} and {@code tenant} (who submitted it),
 * {@code created_at}, and {@code source}, the body exactly as sent. A workflow is read
 * back from its source, so what a run executes is what was accepted. Thread-safe.
 */
class MongoWorkflowStore implements WorkflowStore {

  /** The collection. */
  static final String COLLECTION = "workflows";

  private final MongoTemplate mongo;
  private final WorkflowReader reader;
  private final Clock clock;

  MongoWorkflowStore(MongoTemplate mongo, WorkflowReader reader, Clock clock) {
    this.mongo = mongo;
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public StoredWorkflow save(String source, SerializedWorkflow document, String principal, String tenant) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Document doc = new Document("_id", id)
        .append("owner", document.workflow().owner())
        .append("principal", principal)
        .append("tenant", tenant)
        .append("created_at", Date.from(now))
        .append("source", source);
    mongo.insert(doc, COLLECTION);
    return new StoredWorkflow(id, document.workflow().owner(), principal, tenant, now, source, document);
  }

  @Override
  public Optional<StoredWorkflow> find(String id) {
    Document doc = mongo.findById(id, Document.class, COLLECTION);
    if (doc == null) {
      return Optional.empty();
    }
    String source = doc.getString("source");
    SerializedWorkflow document = reader.read(source.getBytes(StandardCharsets.UTF_8));
    return Optional.of(new StoredWorkflow(id, doc.getString("owner"), doc.getString("principal"),
        doc.getString("tenant"), doc.getDate("created_at").toInstant(), source, document));
  }
}
