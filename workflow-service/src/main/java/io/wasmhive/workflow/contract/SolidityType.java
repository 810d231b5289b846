package io.wasmhive.workflow.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical Solidity ABI type, parsed from its text ({@code uint256}, {@code bytes32}, {@code address[]},
 * {@code uint256[3]}, {@code (address,uint256)}, nested at will). {@code uint}/{@code int} mean the 256-bit
 * types and {@code tuple(...)} is read as {@code (...)}. Immutable.
 *
 * @param kind what the type is
 * @param size bits of an integer, bytes of a {@code bytesN}, the length of a fixed array ({@code -1} for a
 *     dynamic array); 0 otherwise
 * @param element the element type of an array, else null
 * @param components the component types of a tuple, else empty
 */
record SolidityType(Kind kind, int size, SolidityType element, List<SolidityType> components) {

  enum Kind { ADDRESS, BOOL, UINT, INT, FIXED_BYTES, BYTES, STRING, ARRAY, TUPLE }

  private static final Pattern INTEGER = Pattern.compile("(u?int)(\\d*)");
  private static final Pattern FIXED_BYTES = Pattern.compile("bytes(\\d+)");
  private static final int MAX_DEPTH = 16;
  static final int MAX_FIXED_ARRAY_LENGTH = org.web3j.abi.datatypes.StaticArray.MAX_SIZE_OF_STATIC_ARRAY;

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming what is wrong. */
  static SolidityType parse(String text) {
    return parse(text == null ? "" : text.trim(), 0);
  }

  private static SolidityType parse(String text, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("type nested deeper than " + MAX_DEPTH + " levels");
    }
    if (text.endsWith("]")) {
      int open = text.lastIndexOf('[');
      if (open <= 0) {
        throw new IllegalArgumentException("unknown type " + text);
      }
      String dimension = text.substring(open + 1, text.length() - 1);
      SolidityType element = parse(text.substring(0, open), depth + 1);
      if (dimension.isEmpty()) {
        return new SolidityType(Kind.ARRAY, -1, element, List.of());
      }
      if (!dimension.matches("[1-9]\\d{0,3}")) {
        throw new IllegalArgumentException("bad array length in " + text);
      }
      int length = Integer.parseInt(dimension);
      if (length > MAX_FIXED_ARRAY_LENGTH) {
        throw new IllegalArgumentException("fixed arrays longer than " + MAX_FIXED_ARRAY_LENGTH
            + " elements are not supported (web3j's limit)");
      }
      return new SolidityType(Kind.ARRAY, length, element, List.of());
    }
    if (text.startsWith("tuple(")) {
      text = text.substring("tuple".length());
    }
    if (text.startsWith("(") && text.endsWith(")")) {
      List<SolidityType> components = new ArrayList<>();
      for (String part : splitTopLevel(text.substring(1, text.length() - 1))) {
        components.add(parse(part.trim(), depth + 1));
      }
      return new SolidityType(Kind.TUPLE, 0, null, List.copyOf(components));
    }
    return elementary(text);
  }

  private static SolidityType elementary(String text) {
    switch (text) {
      case "address": return new SolidityType(Kind.ADDRESS, 0, null, List.of());
      case "bool": return new SolidityType(Kind.BOOL, 0, null, List.of());
      case "string": return new SolidityType(Kind.STRING, 0, null, List.of());
      case "bytes": return new SolidityType(Kind.BYTES, 0, null, List.of());
      default: break;
    }
    Matcher integer = INTEGER.matcher(text);
    if (integer.matches()) {
      int bits = integer.group(2).isEmpty() ? 256 : parseSize(integer.group(2), text);
      if (bits < 8 || bits > 256 || bits % 8 != 0) {
        throw new IllegalArgumentException("unknown type " + text);
      }
      return new SolidityType(integer.group(1).equals("uint") ? Kind.UINT : Kind.INT, bits, null, List.of());
    }
    Matcher bytes = FIXED_BYTES.matcher(text);
    if (bytes.matches()) {
      int size = parseSize(bytes.group(1), text);
      if (size < 1 || size > 32) {
        throw new IllegalArgumentException("unknown type " + text);
      }
      return new SolidityType(Kind.FIXED_BYTES, size, null, List.of());
    }
    throw new IllegalArgumentException("unknown type " + (text.isEmpty() ? "(empty)" : text));
  }

  private static int parseSize(String digits, String text) {
    if (digits.length() > 3 || digits.startsWith("0")) {
      throw new IllegalArgumentException("unknown type " + text);
    }
    return Integer.parseInt(digits);
  }

  private static List<String> splitTopLevel(String inner) {
    List<String> parts = new ArrayList<>();
    if (inner.isBlank()) {
      throw new IllegalArgumentException("empty tuple");
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(inner.substring(start, i));
        start = i + 1;
      }
      if (depth < 0) {
        throw new IllegalArgumentException("unbalanced parentheses");
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced parentheses");
    }
    parts.add(inner.substring(start));
    return parts;
  }

  /** Whether the ABI encodes this type out of line (behind an offset). */
  boolean dynamic() {
    return switch (kind) {
      case BYTES, STRING -> true;
      case ARRAY -> size < 0 || element.dynamic();
      case TUPLE -> components.stream().anyMatch(SolidityType::dynamic);
      default -> false;
    };
  }

  /** The canonical text, as it goes into a function selector. */
  String canonical() {
    return switch (kind) {
      case ADDRESS -> "address";
      case BOOL -> "bool";
      case STRING -> "string";
      case BYTES -> "bytes";
      case UINT -> "uint" + size;
      case INT -> "int" + size;
      case FIXED_BYTES -> "bytes" + size;
      case ARRAY -> element.canonical() + (size < 0 ? "[]" : "[" + size + "]");
      case TUPLE -> "(" + String.join(",", components.stream().map(SolidityType::canonical).toList()) + ")";
    };
  }
}
