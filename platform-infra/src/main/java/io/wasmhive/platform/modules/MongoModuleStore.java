package io.wasmhive.platform.modules;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import com.mongodb.client.result.UpdateResult;
import org.bson.types.Binary;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link ModuleStore} on the {@code wasm_modules} collection through Spring Data MongoDB. One document per
 * module with seed 000's fields {@code hash} (unique), {@code bytes} and {@code storedAt}, plus {@code size},
 * {@code cid_v0}, {@code cid_v1}, {@code cids} (canonical v1 forms), {@code aliases} and {@code sources}.
 *
 * <p>Look-ups by CID or alias go through {@code wasm_module_refs}, one small document per reference
 * ({@code _id} = {@code cid:<canonical v1>} or {@code alias:<alias>}, {@code hash}), so they are key look-ups on
 * every MongoDB, including the embedded stand-in, which does not index array fields and would otherwise read
 * every module (bytes included) per look-up. An alias names the module it was most recently given to. An alias's
 * document also records its owner: {@code owner} (a principal) or {@code owner_registry: true}.
 */
public class MongoModuleStore implements ModuleStore {

  /** The shared collection's name. */
  public static final String COLLECTION = "wasm_modules";
  /** References (CIDs, aliases) to hashes. */
  public static final String REFS = "wasm_module_refs";

  private static final Log logger = LogFactory.getLog(MongoModuleStore.class);

  private final MongoTemplate mongo;

  public MongoModuleStore(MongoTemplate mongo) {
    this.mongo = mongo;
    createIndexes();
  }

  private void createIndexes() {
    try {
      mongo.indexOps(COLLECTION).createIndex(new Index().on("hash", Sort.Direction.ASC).unique());
    } catch (DataAccessException e) {
      // Another service may have created an index on the shared collection with other options first; the
      // upsert by hash in put() still stores each module once.
      logger.warn("Could not create the indexes of " + COLLECTION + ": " + e.getMessage());
    }
  }

  @Override
  public StoredModule put(byte[] bytes, ModuleOrigin origin) {
    ModuleAddresses addresses = ModuleAddresses.of(bytes);
    if (origin.expectedSha256() != null && !origin.expectedSha256().equalsIgnoreCase(addresses.sha256())) {
      throw new ModuleHashMismatchException(origin.expectedSha256(), addresses.sha256());
    }
    Set<String> cids = new HashSet<>(addresses.canonicalCids());
    origin.extraCids().forEach(cid -> cids.add(ModuleAddresses.asCanonicalCid(cid)
        .orElseThrow(() -> new IllegalArgumentException("not a CID: " + cid))));
    Instant now = Instant.now();
    Update update = new Update()
        .setOnInsert("bytes", new Binary(bytes))
        .setOnInsert("storedAt", now)
        // Set on every put (they follow from the bytes): documents other writers stored without them get them.
        .set("size", bytes.length)
        .set("cid_v0", addresses.cidV0().toString())
        .set("cid_v1", addresses.cidV1().toString())
        .addToSet("cids").each(cids.toArray())
        .addToSet("sources", origin.source());
    if (!origin.aliases().isEmpty()) {
      update.addToSet("aliases").each(origin.aliases().toArray());
    }
    UpdateResult result = mongo.upsert(query(where("hash").is(addresses.sha256())), update, COLLECTION);
    cids.forEach(cid -> reference("cid:" + cid, addresses.sha256()));
    origin.aliases().forEach(alias -> reference("alias:" + alias, addresses.sha256()));
    if (result.getUpsertedId() != null) {
      // Inserted: everything is known here, so the module is not read back (on the embedded stand-in a read of
      // a large document costs about as much as the write).
      return new StoredModule(addresses.sha256(), bytes.length, addresses.cidV0().toString(),
          addresses.cidV1().toString(), cids, origin.aliases(), Set.of(origin.source()), now.truncatedTo(
              java.time.temporal.ChronoUnit.MILLIS));
    }
    return findOne(where("hash").is(addresses.sha256())).orElseThrow();
  }

  /** Points a reference at a hash (an alias given again moves to the newer module). */
  private void reference(String id, String sha256) {
    mongo.upsert(query(where("_id").is(id)), new Update().set("hash", sha256), REFS);
  }

  private Optional<String> refs(String id) {
    Document ref = mongo.findById(id, Document.class, REFS);
    return ref == null ? Optional.empty() : Optional.ofNullable(ref.getString("hash"));
  }

  @Override
  public Optional<StoredModule> find(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    Optional<String> sha = ModuleAddresses.asSha256(reference);
    if (sha.isPresent()) {
      Optional<StoredModule> byHash = findOne(where("hash").is(sha.get()));
      if (byHash.isPresent()) {
        return byHash;
      }
    }
    Optional<String> cid = ModuleAddresses.asCanonicalCid(reference);
    Optional<String> hash = cid.isPresent() ? refs("cid:" + cid.get()) : refs("alias:" + reference);
    return hash.flatMap(h -> findOne(where("hash").is(h)));
  }

  @Override
  public Optional<String> resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    Optional<String> sha = ModuleAddresses.asSha256(reference);
    if (sha.isPresent()) {
      return sha;
    }
    Optional<String> cid = ModuleAddresses.asCanonicalCid(reference);
    return cid.isPresent() ? refs("cid:" + cid.get()) : refs("alias:" + reference);
  }

  @Override
  public Optional<byte[]> bytes(String sha256) {
    Query q = query(where("hash").is(sha256.toLowerCase(java.util.Locale.ROOT)));
    q.fields().include("bytes");
    Document doc = mongo.findOne(q, Document.class, COLLECTION);
    if (doc == null) {
      return Optional.empty();
    }
    Object bytes = doc.get("bytes");
    return Optional.of(bytes instanceof Binary binary ? binary.getData() : (byte[]) bytes);
  }

  @Override
  public boolean addAlias(String sha256, String alias) {
    Update update = new Update().addToSet("aliases", alias);
    boolean found = mongo.updateFirst(query(where("hash").is(sha256)), update, COLLECTION).getMatchedCount() > 0;
    if (found) {
      reference("alias:" + alias, sha256);
    }
    return found;
  }

  @Override
  public Optional<AliasOwner> aliasOwner(String alias) {
    Document ref = mongo.findById("alias:" + alias, Document.class, REFS);
    if (ref == null) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(ref.getBoolean("owner_registry"))) {
      return Optional.of(AliasOwner.REGISTRY);
    }
    return Optional.ofNullable(ref.getString("owner")).map(AliasOwner::principal);
  }

  @Override
  public AliasOwner claimAlias(String alias, AliasOwner claimant) {
    String id = "alias:" + alias;
    if (claimant.registry()) {
      mongo.upsert(query(where("_id").is(id)), new Update().set("owner_registry", true).unset("owner"), REFS);
      return claimant;
    }
    try {
      // Matches only an unowned alias; when another owns it, the upsert's insert of the same _id fails instead.
      mongo.upsert(query(where("_id").is(id).and("owner").exists(false).and("owner_registry").exists(false)),
          new Update().set("owner", claimant.principal()), REFS);
      return claimant;
    } catch (DuplicateKeyException owned) {
      return aliasOwner(alias).orElseThrow(() -> new IllegalStateException("the owner of alias " + alias
          + " vanished"));
    }
  }

  @Override
  public List<StoredModule> list(int offset, int limit) {
    Query q = new Query().with(Sort.by(Sort.Direction.DESC, "storedAt").and(Sort.by("hash"))).skip(offset).limit(limit);
    q.fields().exclude("bytes");
    return mongo.find(q, Document.class, COLLECTION).stream().map(MongoModuleStore::toModule).toList();
  }

  @Override
  public long count() {
    return mongo.getCollection(COLLECTION).countDocuments();
  }

  private Optional<StoredModule> findOne(org.springframework.data.mongodb.core.query.Criteria criteria) {
    Query q = query(criteria);
    q.fields().exclude("bytes");
    return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(MongoModuleStore::toModule);
  }

  /** A document of the shared collection. */
  private static StoredModule toModule(Document doc) {
    Object stored = doc.get("storedAt");
    Instant storedAt = stored instanceof java.util.Date date ? date.toInstant() : (Instant) stored;
    Number size = (Number) doc.get("size");
    return new StoredModule(doc.getString("hash"), size == null ? 0 : size.longValue(), doc.getString("cid_v0"),
        doc.getString("cid_v1"), strings(doc.get("cids")), strings(doc.get("aliases")), strings(doc.get("sources")),
        storedAt);
  }

  private static Set<String> strings(Object value) {
    return value instanceof Collection<?> c ? c.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
        : Set.of();
  }
}
