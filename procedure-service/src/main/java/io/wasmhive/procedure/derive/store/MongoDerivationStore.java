package io.wasmhive.procedure.derive.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wasmhive.procedure.derive.engine.MessageLimits;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * {@link DerivationStore} on three collections through Spring Data MongoDB. A message's id is
 * {@code derivation:position}, so two writers cannot both write one position whatever the instance.
 */
@Component
class MongoDerivationStore implements DerivationStore {

  private final MongoTemplate mongo;

  MongoDerivationStore(MongoTemplate mongo) {
    this.mongo = mongo;
    mongo.indexOps(MessageDocument.class).createIndex(
        new Index().on("derivation", Sort.Direction.ASC).on("position", Sort.Direction.ASC));
    mongo.indexOps(SnapshotDocument.class).createIndex(
        new Index().on("derivation", Sort.Direction.ASC).on("position", Sort.Direction.ASC));
  }

  @Override
  public boolean insert(Derivation d) {
    try {
      mongo.insert(DerivationDocument.of(d));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public Optional<Derivation> find(String database, String name) {
    return Optional.ofNullable(mongo.findById(Derivation.id(database, name), DerivationDocument.class))
        .map(DerivationDocument::toDerivation);
  }

  @Override
  public boolean append(String derivationId, List<LoggedMessage> messages) {
    // One ordered insertMany: it stops at the first taken position, as the contract says.
    try {
      mongo.insert(messages.stream().map(m -> MessageDocument.of(derivationId, m)).toList(), MessageDocument.class);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public void advance(Derivation d) {
    Query q = query(where("_id").is(d.id()).and("position").lt(d.position()));
    Update u = new Update().set("position", d.position()).set("state_hash", d.stateHash())
        .set("chain_hash", d.chainHash()).set("applied", d.applied()).set("rejected", d.rejected());
    mongo.updateFirst(q, u, DerivationDocument.class);
  }

  @Override
  public List<LoggedMessage> messages(String derivationId, long from, int limit) {
    Query q = query(where("derivation").is(derivationId).and("position").gte(from))
        .with(Sort.by("position")).limit(limit);
    return mongo.find(q, MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
  }

  @Override
  public long lastPosition(String derivationId) {
    Query q = query(where("derivation").is(derivationId)).with(Sort.by(Sort.Direction.DESC, "position")).limit(1);
    MessageDocument last = mongo.findOne(q, MessageDocument.class);
    return last == null ? 0 : last.position();
  }

  @Override
  public long countApplied(String derivationId, long upTo) {
    return mongo.count(query(where("derivation").is(derivationId).and("position").lte(upTo).and("status")
        .is("applied")), MessageDocument.class);
  }

  @Override
  public void saveSnapshot(String derivationId, Snapshot s) {
    mongo.save(new SnapshotDocument(derivationId + ":" + s.position(), derivationId, s.position(), s.dump(),
        s.stateHash()));
  }

  @Override
  public Optional<Snapshot> latestSnapshot(String derivationId, long atMost) {
    Query q = query(where("derivation").is(derivationId).and("position").lte(atMost))
        .with(Sort.by(Sort.Direction.DESC, "position")).limit(1);
    return Optional.ofNullable(mongo.findOne(q, SnapshotDocument.class))
        .map(doc -> new Snapshot(doc.position(), doc.dump(), doc.stateHash()));
  }

  @Override
  public void deleteSnapshot(String derivationId, long position) {
    mongo.remove(query(where("_id").is(derivationId + ":" + position)), SnapshotDocument.class);
  }

  static MessageLimits limits(DerivationDocument.LimitsDocument l) {
    return new MessageLimits(l.maxGas(), l.maxTimeMs(), l.maxMemory(), l.maxDbBytes());
  }
}
