package io.wasmhive.procedure.derive.sql;

/**
 * One token of a SQL text: a keyword or unquoted identifier ({@link Kind#WORD}, upper-cased), a quoted
 * identifier, a string literal, a number, a parameter marker or a symbol. Comments and whitespace are not tokens.
 */
record SqlToken(Kind kind, String text) {

  enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, SYMBOL }

  boolean is(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
