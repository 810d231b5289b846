package io.wasmhive.platform.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issues, revokes and verifies API keys. A key is stored as a BCrypt hash of its secret; verifying one costs that
 * hash once, after which the key's SHA-256 is kept for {@code cache-ttl} and every later request compares
 * digests in constant time ({@link MessageDigest#isEqual}) without touching MongoDB. A wrong secret for a cached
 * key is refused without a hash; fresh verifications of one key id run one at a time, so guessing at a known id
 * costs the guesser a BCrypt each and never more than one core. Thread-safe.
 */
public class ApiKeys {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}");
  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9:._-]{0,63}");
  private static final int MAX_ROLES = 32;
  private static final int LOCK_STRIPES = 64;

  private final ApiKeyStore store;
  private final BCryptPasswordEncoder hasher;
  private final Duration ttl;
  private final int cacheSize;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

  private record Verified(byte[] digest, ApiKey key, long until) {
  }

  public ApiKeys(ApiKeyStore store, SecurityProperties.ApiKeys settings, Clock clock) {
    this.store = store;
    this.hasher = new BCryptPasswordEncoder(settings.hashStrength());
    this.ttl = settings.cacheTtl();
    this.cacheSize = settings.cacheSize();
    this.clock = clock;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * Issues a key for a principal of a tenant with roles, after checking each against its pattern. Blocks on the
   * hash and the store.
   *
   * @throws IllegalArgumentException naming the first invalid field
   */
  public IssuedApiKey issue(String principal, String tenant, Collection<String> roles) {
    check("principal", principal, NAME);
    check("tenant", tenant, NAME);
    if (roles == null || roles.size() > MAX_ROLES) {
      throw new IllegalArgumentException("roles: a list of at most " + MAX_ROLES + " roles");
    }
    Set<String> roleSet = new LinkedHashSet<>();
    for (String role : roles) {
      check("roles", role, ROLE);
      roleSet.add(role);
    }
    String id = ApiKeyTokens.newId();
    String secret = ApiKeyTokens.newSecret();
    ApiKey key = new ApiKey(id, hasher.encode(secret), principal, tenant, roleSet, clock.instant(), null);
    store.insert(key);
    return new IssuedApiKey(key, ApiKeyTokens.token(id, secret));
  }

  /** Revokes a key at once on this service (within {@code cache-ttl} on the others). Blocks on the store. */
  public boolean revoke(String id) {
    verified.remove(id);
    return ApiKeyTokens.isId(id) && store.revoke(id);
  }

  /** Every issued key (hashes included; callers show only their other fields). Blocks on the store. */
  public List<ApiKey> list() {
    return store.list();
  }

  /**
   * The caller a bearer token authenticates, or empty for a malformed, unknown, revoked or wrong one. Blocks on
   * MongoDB and a BCrypt hash only the first time a key is seen within {@code cache-ttl}.
   */
  public Optional<Caller> authenticate(String token) {
    Optional<ApiKeyTokens.Parts> parts = ApiKeyTokens.parse(token);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String id = parts.get().id();
    byte[] digest = ApiKeyTokens.sha256(parts.get().secret());
    long now = clock.millis();
    Verified cached = verified.get(id);
    if (cached != null && cached.until() > now) {
      return MessageDigest.isEqual(cached.digest(), digest) ? Optional.of(cached.key().caller()) : Optional.empty();
    }
    ReentrantLock lock = locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return verify(id, parts.get().secret(), digest, now);
    } finally {
      lock.unlock();
    }
  }

  private Optional<Caller> verify(String id, String secret, byte[] digest, long now) {
    Verified cached = verified.get(id);
    if (cached != null && cached.until() > now) {
      return MessageDigest.isEqual(cached.digest(), digest) ? Optional.of(cached.key().caller()) : Optional.empty();
    }
    Optional<ApiKey> key = store.find(id).filter(k -> k.revokedAt() == null);
    if (key.isEmpty() || !hasher.matches(secret, key.get().secretHash())) {
      return Optional.empty();
    }
    if (verified.size() >= cacheSize) {
      verified.keySet().stream().findFirst().ifPresent(verified::remove);
    }
    verified.put(id, new Verified(digest, key.get(), now + ttl.toMillis()));
    return Optional.of(key.get().caller());
  }

  private static void check(String field, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": must match " + pattern.pattern());
    }
  }
}
