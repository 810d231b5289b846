package io.wasmhive.procedure.derive.sql;

import java.util.List;

/** Helpers over token lists: matching parentheses, searching a range, and writing tokens back as SQL. */
final class SqlText {

  private SqlText() {
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1 when {@code open} is not one. */
  static int closing(List<SqlToken> tokens, int open) {
    if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  static boolean containsWord(List<SqlToken> tokens, int from, int to, String word) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).is(word)) {
        return true;
      }
    }
    return false;
  }

  /** The tokens as one SQL statement, literals and quoted identifiers re-quoted, comments gone. */
  static String of(List<SqlToken> tokens) {
    StringBuilder sql = new StringBuilder();
    for (SqlToken t : tokens) {
      if (sql.length() > 0) {
        sql.append(' ');
      }
      switch (t.kind()) {
        case STRING -> sql.append('\'').append(t.text().replace("'", "''")).append('\'');
        case QUOTED_IDENTIFIER -> sql.append('"').append(t.text().replace("\"", "\"\"")).append('"');
        default -> sql.append(t.text());
      }
    }
    return sql.toString();
  }
}
