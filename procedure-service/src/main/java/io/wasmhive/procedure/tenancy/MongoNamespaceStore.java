package io.wasmhive.procedure.tenancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link NamespaceStore} on {@code procedure_namespaces}: one document per claimed database,
 * {@code {_id: database, tenant, claimedAt}}. The {@code _id} makes the claim an insert that only one writer wins.
 */
@Component
class MongoNamespaceStore implements NamespaceStore {

  static final String COLLECTION = "procedure_namespaces";

  private final MongoTemplate mongo;

  MongoNamespaceStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<String> owner(String database) {
    Document doc = mongo.findOne(query(where("_id").is(database)), Document.class, COLLECTION);
    return Optional.ofNullable(doc).map(d -> d.getString("tenant"));
  }

  @Override
  public String claim(String database, String tenant) {
    try {
      mongo.insert(new Document("_id", database).append("tenant", tenant).append("claimedAt", Instant.now()),
          COLLECTION);
      return tenant;
    } catch (DuplicateKeyException taken) {
      return owner(database).orElseThrow(() -> new IllegalStateException("the claim on " + database + " vanished"));
    }
  }
}
