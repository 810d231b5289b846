package io.wasmhive.platform.security;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link ApiKeyStore} on one MongoDB collection ({@code wasmhive.security.api-keys.collection}, default
 * {@code api_keys}), shared by the services of a database: one document per key, {@code _id} = key id.
 */
public class MongoApiKeyStore implements ApiKeyStore {

  private final MongoTemplate mongo;
  private final String collection;

  public MongoApiKeyStore(MongoTemplate mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  @Override
  public void insert(ApiKey key) {
    Document document = new Document("_id", key.id())
        .append("secretHash", key.secretHash())
        .append("principal", key.principal())
        .append("tenant", key.tenant())
        .append("roles", List.copyOf(key.roles()))
        .append("createdAt", java.util.Date.from(key.createdAt()));
    mongo.insert(document, collection);
  }

  @Override
  public Optional<ApiKey> find(String id) {
    return Optional.ofNullable(mongo.findOne(query(where("_id").is(id)), Document.class, collection))
        .map(MongoApiKeyStore::key);
  }

  @Override
  public boolean revoke(String id) {
    return mongo.updateFirst(query(where("_id").is(id).and("revokedAt").isNull()),
        new Update().set("revokedAt", java.util.Date.from(Instant.now())), collection).getModifiedCount() == 1;
  }

  @Override
  public List<ApiKey> list() {
    return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, collection)
        .stream().map(MongoApiKeyStore::key).toList();
  }

  private static ApiKey key(Document d) {
    java.util.Date revoked = d.getDate("revokedAt");
    return new ApiKey(d.getString("_id"), d.getString("secretHash"), d.getString("principal"),
        d.getString("tenant"), new HashSet<>(d.getList("roles", String.class, List.of())),
        d.getDate("createdAt").toInstant(), revoked == null ? null : revoked.toInstant());
  }
}
