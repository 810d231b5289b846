package io.wasmhive.workflow.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticArray;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.utils.Numeric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one argument value into the web3j value of its Solidity type. Values are the SDK's strings (decimal or
 * {@code 0x} integers, addresses, {@code "true"}, hex bytes, arrays as {@code "1,2,3"} or {@code "[1,2,3]"},
 * tuples as JSON text) or JSON values from {@code $wasm:} results. Stateless.
 */
final class ArgumentEncoder {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d*)|0x[0-9a-fA-F]+");

  /** What is wrong with a value, and where inside the argument ({@code element 2: …}). */
  static final class Problem extends RuntimeException {

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private ArgumentEncoder() {
  }

  /** The web3j value of {@code value} as {@code type}; throws {@link Problem}. */
  static Type<?> encode(SolidityType type, Object value) {
    Object plain = value instanceof JsonNode node ? plain(node) : value;
    if (plain == null) {
      throw new Problem("missing value");
    }
    return switch (type.kind()) {
      case ADDRESS -> new Address(address(plain));
      case BOOL -> new Bool(bool(plain));
      case UINT, INT -> integer(type, plain);
      case FIXED_BYTES -> fixedBytes(type.size(), plain);
      case BYTES -> new DynamicBytes(hex(plain));
      case STRING -> new Utf8String(text(plain));
      case ARRAY -> array(type, plain);
      case TUPLE -> tuple(type, plain);
    };
  }

  private static String address(Object value) {
    if (value instanceof String s && ADDRESS.matcher(s.trim()).matches()) {
      return s.trim();
    }
    throw new Problem(show(value) + " is not an address (0x and 40 hex digits)");
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.trim());
    }
    throw new Problem(show(value) + " is not a boolean (true or false)");
  }

  private static Type<?> integer(SolidityType type, Object value) {
    BigInteger number = bigInteger(value);
    int bits = type.size();
    boolean signed = type.kind() == SolidityType.Kind.INT;
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw new Problem(number + " is out of range for " + type.canonical());
    }
    return instantiate(type.canonical(), BigInteger.class, number);
  }

  static BigInteger bigInteger(Object value) {
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      try {
        return new BigDecimal(value.toString()).toBigIntegerExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new Problem(value + " is not an integer");
      }
    }
    if (value instanceof String s && INTEGER.matcher(s.trim()).matches()) {
      String t = s.trim();
      return t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
    }
    throw new Problem(show(value) + " is not an integer");
  }

  private static Type<?> fixedBytes(int size, Object value) {
    byte[] bytes = hex(value);
    if (bytes.length != size) {
      throw new Problem("expected " + size + " bytes, got " + bytes.length);
    }
    return instantiate("bytes" + size, byte[].class, bytes);
  }

  private static byte[] hex(Object value) {
    if (value instanceof String s && HEX.matcher(s.trim()).matches()) {
      return Numeric.hexStringToByteArray(s.trim());
    }
    throw new Problem(show(value) + " is not hex bytes (0x and an even number of hex digits)");
  }

  private static String text(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new Problem(show(value) + " is not a string");
  }

  private static Type<?> array(SolidityType type, Object value) {
    List<?> items = elements(type, value);
    if (type.size() >= 0 && items.size() != type.size()) {
      throw new Problem("expected " + type.size() + " elements, got " + items.size());
    }
    List<Type> encoded = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        encoded.add(encode(type.element(), items.get(i)));
      } catch (Problem e) {
        throw new Problem("element " + i + ": " + e.getMessage());
      }
    }
    if (type.size() < 0) {
      return new DynamicArray<>(Type.class, encoded);
    }
    return new StaticArray<Type>(Type.class, type.size(), encoded) {
    };
  }

  /** The elements of an array value: a list, JSON array text, or (for elementary elements) comma-joined text. */
  private static List<?> elements(SolidityType type, Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (!(value instanceof String s)) {
      throw new Problem(show(value) + " is not an array");
    }
    String text = s.trim();
    if (text.startsWith("[")) {
      Object parsed = parseJson(text);
      if (parsed instanceof List<?> list) {
        return list;
      }
      if (parsed != null || !text.endsWith("]")) {
        throw new Problem(show(value) + " is not an array");
      }
      text = text.substring(1, text.length() - 1).trim(); // e.g. [0xab…,0xcd…]: JavaScript's own array text.
    }
    SolidityType element = type.element();
    if (element.kind() == SolidityType.Kind.ARRAY || element.kind() == SolidityType.Kind.TUPLE) {
      throw new Problem("an array of " + element.canonical() + " must be given as JSON");
    }
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      parts.add(part.trim());
    }
    return parts;
  }

  private static Type<?> tuple(SolidityType type, Object value) {
    Object source = value instanceof String s ? parseJson(s.trim()) : value;
    List<?> items;
    if (source instanceof List<?> list) {
      items = list;
    } else if (source instanceof Map<?, ?> map) {
      items = new ArrayList<>(map.values());
    } else {
      throw new Problem(show(value) + " is not a tuple (a JSON array or object)");
    }
    if (items.size() != type.components().size()) {
      throw new Problem("expected " + type.components().size() + " components, got " + items.size());
    }
    List<Type> encoded = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        encoded.add(encode(type.components().get(i), items.get(i)));
      } catch (Problem e) {
        throw new Problem("component " + i + ": " + e.getMessage());
      }
    }
    return type.dynamic() ? new DynamicStruct(encoded) : new StaticStruct(encoded);
  }

  /** JSON text as plain values, or null when it is not JSON. */
  private static Object parseJson(String text) {
    try {
      return plain(JSON.readTree(text));
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A JSON node as a String, BigInteger, BigDecimal, Boolean, List or (ordered) Map; null for JSON null. */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
    return map;
  }

  private static Type<?> instantiate(String typeName, Class<?> parameter, Object argument) {
    try {
      return AbiTypes.getType(typeName).getConstructor(parameter).newInstance(argument);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("web3j has no " + typeName + "(" + parameter.getSimpleName() + ")", e);
    }
  }

  private static String show(Object value) {
    String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
