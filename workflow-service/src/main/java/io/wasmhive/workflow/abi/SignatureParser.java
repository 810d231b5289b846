package io.wasmhive.workflow.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A recursive-descent parser of one signature text; depth and lengths bounded by {@link FunctionSignature}. */
final class SignatureParser {

  private static final Set<String> MODIFIERS = Set.of("public", "external", "pure", "view", "payable",
      "nonpayable");
  private static final Set<String> LOCATIONS = Set.of("memory", "calldata", "storage");

  private final String text;
  private int pos;

  SignatureParser(String text) {
    this.text = text;
  }

  FunctionSignature signature() {
    skipSpace();
    String name = identifier();
    if (name.equals("function")) {
      requireSpaceConsumed();
      name = identifier();
    }
    skipSpace();
    List<String> inputs = parameters();
    List<String> outputs = List.of();
    List<String> seen = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos == text.length()) {
        break;
      }
      String word = identifier();
      if (word.equals("returns")) {
        skipSpace();
        outputs = parameters();
        skipSpace();
        if (pos != text.length()) {
          throw fail("unexpected text after returns (…)");
        }
        break;
      }
      if (!MODIFIERS.contains(word) || seen.contains(word)) {
        throw fail("unexpected '" + word + "'");
      }
      seen.add(word);
    }
    return new FunctionSignature(name, inputs, outputs);
  }

  private List<String> parameters() {
    expect('(');
    List<String> types = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
      return types;
    }
    while (true) {
      skipSpace();
      types.add(type(0));
      parameterTail();
      skipSpace();
      char c = next();
      if (c == ')') {
        return types;
      }
      if (c != ',') {
        throw fail("expected ',' or ')'");
      }
    }
  }

  /** An optional data location and an optional name after a type. */
  private void parameterTail() {
    for (int words = 0; words < 2; words++) {
      int start = pos;
      skipSpace();
      if (pos == start || !isIdentifierStart(peek())) {
        pos = start;
        return;
      }
      String word = identifier();
      if (words == 0 && LOCATIONS.contains(word)) {
        continue;
      }
      if (MODIFIERS.contains(word) || LOCATIONS.contains(word) || word.equals("returns")) {
        throw fail("'" + word + "' cannot name a parameter");
      }
      return;
    }
  }

  private String type(int depth) {
    if (depth > FunctionSignature.MAX_NESTING) {
      throw fail("types nested deeper than " + FunctionSignature.MAX_NESTING);
    }
    String base;
    if (peek() == '(' || text.startsWith("tuple(", pos)) {
      if (peek() == 't') {
        pos += "tuple".length();
      }
      base = tuple(depth + 1);
    } else {
      base = elementary(identifier());
    }
    StringBuilder type = new StringBuilder(base);
    int dims = 0;
    while (peek() == '[') {
      if (depth + ++dims > FunctionSignature.MAX_NESTING) {
        throw fail("types nested deeper than " + FunctionSignature.MAX_NESTING);
      }
      pos++;
      int start = pos;
      while (Character.isDigit(peek())) {
        pos++;
      }
      String length = text.substring(start, pos);
      expect(']');
      if (!length.isEmpty() && (length.length() > 4 || length.startsWith("0")
          || Integer.parseInt(length) > FunctionSignature.MAX_FIXED_LENGTH)) {
        throw fail("fixed array length must be 1 to " + FunctionSignature.MAX_FIXED_LENGTH);
      }
      type.append('[').append(length).append(']');
    }
    return type.toString();
  }

  private String tuple(int depth) {
    expect('(');
    List<String> components = new ArrayList<>();
    skipSpace();
    while (true) {
      skipSpace();
      components.add(type(depth));
      parameterTail();
      skipSpace();
      char c = next();
      if (c == ')') {
        return "(" + String.join(",", components) + ")";
      }
      if (c != ',') {
        throw fail("expected ',' or ')' in a tuple");
      }
    }
  }

  private String elementary(String word) {
    switch (word) {
      case "address", "bool", "string", "bytes":
        return word;
      case "uint", "int":
        return word + "256";
      default:
        break;
    }
    if (word.startsWith("bytes") && isNumber(word.substring(5), 1, 32, 1)) {
      return word;
    }
    if (word.startsWith("uint") && isNumber(word.substring(4), 8, 256, 8)) {
      return word;
    }
    if (word.startsWith("int") && isNumber(word.substring(3), 8, 256, 8)) {
      return word;
    }
    throw fail("unknown type '" + word + "'");
  }

  private static boolean isNumber(String digits, int min, int max, int step) {
    if (digits.isEmpty() || digits.length() > 3 || digits.startsWith("0") || !digits.chars().allMatch(
        Character::isDigit)) {
      return false;
    }
    int n = Integer.parseInt(digits);
    return n >= min && n <= max && n % step == 0;
  }

  private String identifier() {
    int start = pos;
    if (!isIdentifierStart(peek())) {
      throw fail("expected a name or type");
    }
    pos++;
    while (isIdentifierPart(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isIdentifierStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || c >= '0' && c <= '9';
  }

  private void requireSpaceConsumed() {
    int start = pos;
    skipSpace();
    if (pos == start) {
      throw fail("expected a space after 'function'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw fail("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw fail("expected '" + c + "'");
    }
  }

  private InvalidSignatureException fail(String why) {
    return new InvalidSignatureException(why + " at position " + pos);
  }
}
