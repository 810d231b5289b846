package io.wasmhive.relay.guard;

import java.util.List;
import java.util.Objects;

/**
 * One permission rule: when a listed user asks for a listed module, {@code effect} decides. Users and modules
 * are patterns where {@code *} stands for any run of characters: {@code *} alone matches everything,
 * {@code glyph://calculator@*} every version of a name, {@code bafkrei*} a CID prefix. A module pattern matches
 * the reference as the client wrote it or the CID it resolved to. Comparison is exact otherwise
 * (case-sensitive, since CIDs are).
 *
 * @param users user ids or patterns; not empty
 * @param modules module references, CIDs or patterns; not empty
 * @param effect what the rule decides when it matches
 */
public record PermissionRule(List<String> users, List<String> modules, Effect effect) {

  /** What a matching rule decides. */
  public enum Effect { ALLOW, DENY }

  public PermissionRule {
    users = List.copyOf(Objects.requireNonNull(users, "users"));
    modules = List.copyOf(Objects.requireNonNull(modules, "modules"));
    Objects.requireNonNull(effect, "effect");
    if (users.isEmpty() || modules.isEmpty()) {
      throw new IllegalArgumentException("a permission rule needs at least one user and one module pattern");
    }
  }

  /** Whether this rule speaks about {@code request}. */
  boolean matches(PermissionRequest request) {
    return users.stream().anyMatch(user -> Glob.matches(user, request.userId()))
        && modules.stream().anyMatch(module -> Glob.matches(module, request.moduleRef())
            || (request.cid() != null && Glob.matches(module, request.cid())));
  }

  /** Patterns with {@code *} as the only wildcard, matched without regular expressions. */
  static final class Glob {

    private Glob() {
    }

    /** Whether {@code value} matches {@code pattern}; backtracking only to the last star, so at most pattern times value steps. */
    static boolean matches(String pattern, String value) {
      if (value == null) {
        return false;
      }
      int p = 0;
      int v = 0;
      int star = -1;
      int resume = 0;
      while (v < value.length()) {
        if (p < pattern.length() && pattern.charAt(p) == '*') {
          star = p++;
          resume = v;
        } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
          p++;
          v++;
        } else if (star >= 0) {
          p = star + 1;
          v = ++resume;
        } else {
          return false;
        }
      }
      while (p < pattern.length() && pattern.charAt(p) == '*') {
        p++;
      }
      return p == pattern.length();
    }
  }
}
