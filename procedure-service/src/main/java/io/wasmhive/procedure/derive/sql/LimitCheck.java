package io.wasmhive.procedure.derive.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Refuses {@code LIMIT}, {@code OFFSET} and {@code FETCH} in a query block that has no {@code ORDER BY} before
 * them: which rows such a block keeps is the engine's choice and may differ between two replays.
 * Blocks are parenthesis levels; a {@code SELECT} starts a new block on its level (so each arm of a
 * {@code UNION} counts, and an {@code ORDER BY} after the last arm orders the whole).
 */
final class LimitCheck {

  private LimitCheck() {
  }

  static void check(List<SqlToken> tokens) {
    Deque<boolean[]> ordered = new ArrayDeque<>();
    ordered.push(new boolean[1]);
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        ordered.push(new boolean[1]);
      } else if (t.isSymbol(")")) {
        if (ordered.size() > 1) {
          ordered.pop();
        }
      } else if (t.is("SELECT")) {
        ordered.peek()[0] = false;
      } else if (t.is("ORDER") && i + 1 < tokens.size() && tokens.get(i + 1).is("BY")) {
        ordered.peek()[0] = true;
      } else if ((t.is("LIMIT") || t.is("OFFSET") || t.is("FETCH")) && !ordered.peek()[0]) {
        throw new SqlRefusedException(t.text() + " without ORDER BY is not deterministic: order the rows first");
      }
    }
  }
}
