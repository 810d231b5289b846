package io.wasmhive.platform.modules;

import java.util.Set;

/**
 * Where stored bytes came from and what else they are known as.
 *
 * @param source how the module arrived, for example {@code upload}, {@code gateway:https://…} or
 *     {@code procedure-service}; recorded in the module's {@code sources}
 * @param expectedSha256 the SHA-256 hex the caller expects, checked on write; {@code null} to skip the check
 * @param aliases other ids clients use for the module (for example the hex keccak-256 of a name)
 * @param extraCids CIDs that name these bytes in a DAG layout other than the two the store computes (for
 *     example one fetched and verified block by block from a gateway); the caller vouches for them
 */
public record ModuleOrigin(String source, String expectedSha256, Set<String> aliases, Set<String> extraCids) {

  public ModuleOrigin {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a module origin needs a source");
    }
    aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    extraCids = extraCids == null ? Set.of() : Set.copyOf(extraCids);
  }

  /** An origin with only a source. */
  public static ModuleOrigin of(String source) {
    return new ModuleOrigin(source, null, Set.of(), Set.of());
  }

  /** The same origin, expecting the bytes to hash to {@code sha256}. */
  public ModuleOrigin expecting(String sha256) {
    return new ModuleOrigin(source, sha256, aliases, extraCids);
  }

  /** The same origin, with one more alias. */
  public ModuleOrigin withAlias(String alias) {
    return new ModuleOrigin(source, expectedSha256, union(aliases, alias), extraCids);
  }

  /** The same origin, with one more CID the caller verified. */
  public ModuleOrigin withCid(String cid) {
    return new ModuleOrigin(source, expectedSha256, aliases, union(extraCids, cid));
  }

  private static Set<String> union(Set<String> set, String element) {
    java.util.Set<String> copy = new java.util.HashSet<>(set);
    copy.add(element);
    return copy;
  }
}
