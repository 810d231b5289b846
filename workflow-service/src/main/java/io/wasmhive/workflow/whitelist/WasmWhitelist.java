package io.wasmhive.workflow.whitelist;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Whether a workflow owner's WebAssembly steps may run on a leader: always when the whitelist is off; otherwise
 * when the owner is among the configured addresses or has an entry {@code {owner: <lower case>, enabled: true}} in
 * MongoDB's {@code wasm_whitelist}. Addresses compare case-insensitively. When MongoDB cannot be asked the owner is
 * not whitelisted (fail safe, as the seed's documentation says). Thread-safe; {@link #allows} may block for one
 * MongoDB query.
 */
public final class WasmWhitelist {

  /** The collection. */
  public static final String COLLECTION = "wasm_whitelist";

  private static final Logger log = LoggerFactory.getLogger(WasmWhitelist.class);

  private final boolean enabled;
  private final Set<String> addresses;
  private final MongoTemplate mongo;

  public WasmWhitelist(WasmWhitelistProperties properties, MongoTemplate mongo) {
    this.enabled = properties.enabled();
    this.addresses = properties.addresses().stream().map(a -> a.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.mongo = mongo;
  }

  /** Whether the whitelist is on. */
  public boolean enabled() {
    return enabled;
  }

  /** Whether {@code owner}'s WebAssembly steps may run. */
  public boolean allows(String owner) {
    if (!enabled) {
      return true;
    }
    String key = owner == null ? "" : owner.toLowerCase(Locale.ROOT);
    if (addresses.contains(key)) {
      return true;
    }
    try {
      boolean listed = mongo.getCollection(COLLECTION).find(new Document("owner", key).append("enabled", true))
          .limit(1).first() != null;
      if (!listed) {
        log.info("Owner {} is NOT whitelisted - WASM steps will be skipped", owner);
      }
      return listed;
    } catch (RuntimeException e) {
      log.warn("Owner {}: the whitelist could not be read ({}); WASM steps will be skipped", owner, e.toString());
      return false;
    }
  }
}
