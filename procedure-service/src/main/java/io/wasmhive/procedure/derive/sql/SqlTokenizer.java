package io.wasmhive.procedure.derive.sql;

import io.wasmhive.procedure.derive.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into {@link SqlToken}s, so that the guard judges keywords and never the inside of a string
 * literal or a quoted identifier. Refuses what it cannot read unambiguously: unterminated literals or comments,
 * dollar-quoted strings and characters outside SQL's alphabet. Stateless; thread-safe.
 */
final class SqlTokenizer {

  private SqlTokenizer() {
  }

  /** The tokens of {@code sql}; fails with {@link SqlRefusedException} on text it cannot tokenise. */
  static List<SqlToken> tokenize(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = commentEnd(sql, i);
      } else if (c == '\'') {
        i = quoted(sql, i, '\'', Kind.STRING, tokens);
      } else if (c == '"') {
        i = quoted(sql, i, '"', Kind.QUOTED_IDENTIFIER, tokens);
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        tokens.add(new SqlToken(Kind.WORD, sql.substring(i, end).toUpperCase(Locale.ROOT)));
        i = end;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        i = number(sql, i, tokens);
      } else if (c == '?') {
        int end = i + 1;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        tokens.add(new SqlToken(Kind.PARAMETER, sql.substring(i, end)));
        i = end;
      } else {
        i = symbol(sql, i, tokens);
      }
    }
    return tokens;
  }

  private static int lineEnd(String sql, int i) {
    int end = sql.indexOf('\n', i);
    return end < 0 ? sql.length() : end + 1;
  }

  private static int commentEnd(String sql, int i) {
    int end = sql.indexOf("*/", i + 2);
    if (end < 0) {
      throw new SqlRefusedException("unterminated comment");
    }
    if (sql.substring(i + 2, end).contains("/*")) {
      throw new SqlRefusedException("nested comments are not allowed");
    }
    return end + 2;
  }

  /** A literal or identifier in {@code quote}s, where a doubled quote stands for one. */
  private static int quoted(String sql, int start, char quote, Kind kind, List<SqlToken> tokens) {
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          text.append(quote);
          i += 2;
          continue;
        }
        tokens.add(new SqlToken(kind, text.toString()));
        return i + 1;
      }
      text.append(c);
      i++;
    }
    throw new SqlRefusedException(kind == Kind.STRING ? "unterminated string literal" : "unterminated quoted identifier");
  }

  private static int number(String sql, int start, List<SqlToken> tokens) {
    int i = start;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
      char c = sql.charAt(i);
      i++;
      if ((c == 'e' || c == 'E') && i < sql.length() && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
        i++;
      }
    }
    tokens.add(new SqlToken(Kind.NUMBER, sql.substring(start, i)));
    return i;
  }

  private static final String TWO_CHAR_SYMBOLS = "<= >= <> != || :: ";
  private static final String SYMBOLS = "(),;.=<>+-*/%|:[]";

  private static int symbol(String sql, int i, List<SqlToken> tokens) {
    if (i + 1 < sql.length() && TWO_CHAR_SYMBOLS.contains(sql.substring(i, i + 2) + " ")) {
      tokens.add(new SqlToken(Kind.SYMBOL, sql.substring(i, i + 2)));
      return i + 2;
    }
    char c = sql.charAt(i);
    if (SYMBOLS.indexOf(c) < 0) {
      throw new SqlRefusedException("unexpected character '" + c + "' in the statement");
    }
    tokens.add(new SqlToken(Kind.SYMBOL, String.valueOf(c)));
    return i + 1;
  }
}
