package io.wasmhive.procedure.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** {@link ProcedureStore} on the {@code procedures} collection through Spring Data MongoDB. */
@Component
class MongoProcedureStore implements ProcedureStore {

  private final MongoTemplate mongo;

  MongoProcedureStore(MongoTemplate mongo) {
    this.mongo = mongo;
    // Listing is by database; the (database, name) key itself is the _id.
    mongo.indexOps(ProcedureDocument.class).createIndex(new Index().on("database", Sort.Direction.ASC));
    mongo.indexOps(ProcedureDocument.class).createIndex(new Index().on("tenant", Sort.Direction.ASC));
  }

  @Override
  public Optional<Procedure> find(String database, String name) {
    ProcedureDocument doc = mongo.findById(ProcedureDocument.id(database, name), ProcedureDocument.class);
    return Optional.ofNullable(doc).map(ProcedureDocument::toProcedure);
  }

  @Override
  public List<Procedure> list(String database) {
    Query q = query(where("database").is(database)).with(Sort.by("name"));
    return mongo.find(q, ProcedureDocument.class).stream().map(ProcedureDocument::toProcedure).toList();
  }

  @Override
  public boolean insert(Procedure procedure) {
    try {
      mongo.insert(ProcedureDocument.of(procedure));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public boolean replace(Procedure procedure, long expectedVersion) {
    ProcedureDocument doc = ProcedureDocument.of(procedure);
    Query q = query(where("_id").is(doc.id()).and("version").is(expectedVersion));
    return mongo.findAndReplace(q, doc) != null;
  }

  @Override
  public List<String> recentModuleHashes(int limit) {
    Query q = new Query().with(Sort.by(Sort.Direction.DESC, "updated_at"));
    q.fields().include("module_sha256");
    Set<String> hashes = new LinkedHashSet<>();
    try (Stream<Document> docs = mongo.stream(q, Document.class, "procedures")) {
      Iterator<Document> it = docs.iterator();
      while (it.hasNext() && hashes.size() < limit) {
        hashes.add(it.next().getString("module_sha256"));
      }
    }
    return List.copyOf(hashes);
  }

  @Override
  public long countByTenant(String tenant) {
    return mongo.count(query(where("tenant").is(tenant)), ProcedureDocument.class);
  }

  @Override
  public boolean delete(String database, String name) {
    Query q = query(where("_id").is(ProcedureDocument.id(database, name)));
    return mongo.remove(q, ProcedureDocument.class).getDeletedCount() > 0;
  }
}
