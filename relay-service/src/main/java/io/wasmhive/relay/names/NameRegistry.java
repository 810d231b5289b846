package io.wasmhive.relay.names;

import java.util.List;
import java.util.Optional;

/** The names registry: {@code glyph://name@version} to a module. Implementations are thread-safe and block on I/O. */
public interface NameRegistry {

  /**
   * Registers the name for the module; registering the same module again returns the existing record.
   *
   * @throws NameTakenException when the name and version are registered for another module
   */
  Registration register(String name, String version, String cid, String sha256, String owner);

  /**
   * The principal that owns a name, claiming it for {@code principal} when nobody does yet, atomically (of two
   * first registrants exactly one becomes the owner). A name registered before owners were kept belongs to the
   * registrant of its oldest stored version; an empty string or {@link #UNOWNED} means only an administrator.
   */
  String claimOwner(String name, String principal);

  /**
   * Who owns a name now, without claiming it: the claimed owner, else (a name registered before owners were kept)
   * the registrant of its oldest version; empty for a name nobody registered.
   */
  Optional<String> owner(String name);

  /** The recorded owner that stands for nobody: a name first registered without identity is an administrator's. */
  String UNOWNED = "anonymous";

  /** The record of {@code name@version}, or the most recent one of the name for {@code latest}. */
  Optional<NameRecord> find(GlyphName name);

  /** Every version of a name, most recent first. */
  List<NameRecord> versions(String name);

  /** Records by name, then most recent first: {@code limit} of them after skipping {@code offset}. */
  List<NameRecord> list(int offset, int limit);

  /** How many records there are. */
  long count();

  /**
   * What {@link #register} did.
   *
   * @param record the stored record
   * @param created true when it was new
   */
  record Registration(NameRecord record, boolean created) {
  }

  /** The name and version are taken by another module. */
  final class NameTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final NameRecord existing;

    public NameTakenException(NameRecord existing) {
      super("glyph://" + existing.name() + "@" + existing.version() + " is already registered for " + existing.cid()
          + " (sha256 " + existing.sha256() + ")");
      this.existing = existing;
    }

    public NameRecord existing() {
      return existing;
    }
  }
}
