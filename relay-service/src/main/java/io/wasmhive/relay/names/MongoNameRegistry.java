package io.wasmhive.relay.names;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@link NameRegistry} on the MongoDB collection {@code module_names}: one document per {@code name@version}
 * ({@code _id} = {@code name@version}, so the pair is unique on every MongoDB, plus a unique index on
 * {@code (name, version)}), with {@code cid}, {@code sha256}, {@code owner} and {@code created_at}. Within a name,
 * {@code created_at} strictly increases (a registration in the same millisecond as the latest is dated one
 * millisecond after it), so {@code latest} is always one record. Owners live in {@code module_name_owners}, one
 * document per name whose unique {@code _id} makes the first claim the only one.
 */
public class MongoNameRegistry implements NameRegistry {

  /** The collection's name. */
  public static final String COLLECTION = "module_names";
  /** The owners' collection: one document per name, {@code _id} = name, with {@code owner} and {@code claimed_at}. */
  public static final String OWNERS = "module_name_owners";

  private static final Log logger = LogFactory.getLog(MongoNameRegistry.class);
  private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "created_at");
  private static final Sort OLDEST_FIRST = Sort.by(Sort.Direction.ASC, "created_at");

  private final MongoTemplate mongo;
  private final Clock clock;

  public MongoNameRegistry(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    try {
      mongo.indexOps(COLLECTION).createIndex(new Index().on("name", Sort.Direction.ASC)
          .on("version", Sort.Direction.ASC).unique());
    } catch (DataAccessException e) {
      logger.warn("Could not create the index of " + COLLECTION + " (the _id keeps name@version unique): "
          + e.getMessage());
    }
  }

  @Override
  public Registration register(String name, String version, String cid, String sha256, String owner) {
    Optional<NameRecord> existing = find(new GlyphName(name, version));
    if (existing.isPresent()) {
      return same(existing.get(), sha256);
    }
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<NameRecord> latest = find(new GlyphName(name, GlyphName.LATEST));
    if (latest.isPresent() && !createdAt.isAfter(latest.get().createdAt())) {
      createdAt = latest.get().createdAt().plusMillis(1);
    }
    NameRecord record = new NameRecord(name, version, cid, sha256, owner, createdAt);
    try {
      mongo.insert(toDocument(record), COLLECTION);
      return new Registration(record, true);
    } catch (DuplicateKeyException e) {
      return same(find(new GlyphName(name, version)).orElseThrow(() -> e), sha256);
    }
  }

  private static Registration same(NameRecord existing, String sha256) {
    if (!existing.sha256().equals(sha256)) {
      throw new NameTakenException(existing);
    }
    return new Registration(existing, false);
  }

  @Override
  public String claimOwner(String name, String principal) {
    Optional<String> owner = ownerOf(name);
    if (owner.isPresent()) {
      return owner.get();
    }
    String claimed = oldestOwner(name).orElse(principal);
    try {
      mongo.insert(new Document("_id", name).append("owner", claimed)
          .append("claimed_at", Date.from(clock.instant())), OWNERS);
      return claimed;
    } catch (DuplicateKeyException e) {
      return ownerOf(name).orElseThrow(() -> e);
    }
  }

  @Override
  public Optional<String> owner(String name) {
    return ownerOf(name).or(() -> oldestOwner(name));
  }

  /** The registrant of the oldest version ({@code ""} when it names none), or empty for an unknown name. */
  private Optional<String> oldestOwner(String name) {
    Document oldest = mongo.findOne(query(where("name").is(name)).with(OLDEST_FIRST).limit(1), Document.class,
        COLLECTION);
    return oldest == null ? Optional.empty() : Optional.of(Optional.ofNullable(oldest.getString("owner")).orElse(""));
  }

  private Optional<String> ownerOf(String name) {
    return Optional.ofNullable(mongo.findById(name, Document.class, OWNERS)).map(d -> d.getString("owner"));
  }

  @Override
  public Optional<NameRecord> find(GlyphName name) {
    if (name.isLatest()) {
      Query q = query(where("name").is(name.name())).with(NEWEST_FIRST).limit(1);
      return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(MongoNameRegistry::toRecord);
    }
    return Optional.ofNullable(mongo.findById(name.name() + "@" + name.version(), Document.class, COLLECTION))
        .map(MongoNameRegistry::toRecord);
  }

  @Override
  public List<NameRecord> versions(String name) {
    return mongo.find(query(where("name").is(name)).with(NEWEST_FIRST), Document.class, COLLECTION).stream()
        .map(MongoNameRegistry::toRecord).toList();
  }

  @Override
  public List<NameRecord> list(int offset, int limit) {
    Query q = new Query().with(Sort.by("name").and(NEWEST_FIRST)).skip(offset).limit(limit);
    return mongo.find(q, Document.class, COLLECTION).stream().map(MongoNameRegistry::toRecord).toList();
  }

  @Override
  public long count() {
    return mongo.getCollection(COLLECTION).countDocuments();
  }

  private static Document toDocument(NameRecord r) {
    return new Document("_id", r.name() + "@" + r.version())
        .append("name", r.name())
        .append("version", r.version())
        .append("cid", r.cid())
        .append("sha256", r.sha256())
        .append("owner", r.owner())
        .append("created_at", Date.from(r.createdAt()));
  }

  private static NameRecord toRecord(Document d) {
    Object created = d.get("created_at");
    Instant createdAt = created instanceof Date date ? date.toInstant() : (Instant) created;
    return new NameRecord(d.getString("name"), d.getString("version"), d.getString("cid"), d.getString("sha256"),
        d.getString("owner"), createdAt);
  }
}
