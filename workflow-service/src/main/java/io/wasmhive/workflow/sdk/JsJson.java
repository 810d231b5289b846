package io.wasmhive.workflow.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON text as JavaScript's {@code JSON.stringify} writes it, so that what the SDK uploaded is written back byte for
 * byte: compact, object members in their order, strings escaped as ECMAScript's QuoteJSONString does (control
 * characters and lone surrogates as a backslash-u escape with lower-case hex, nothing else), numbers in
 * ECMAScript's Number::toString form. Numbers
 * arrive as exact decimals (the reader keeps floats as {@link BigDecimal}), so what the SDK wrote (always the
 * shortest form) is reproduced. Not thread-safe (one instance per document).
 */
final class JsJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;

  JsJson(int capacity) {
    out = new StringBuilder(capacity);
  }

  JsJson raw(String text) {
    out.append(text);
    return this;
  }

  /** Writes {@code "name":}, preceded by a comma unless {@code first}. */
  JsJson name(String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    string(name);
    out.append(':');
    return this;
  }

  JsJson string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(value, i)) {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c)) {
            out.append(c).append(value.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    return this;
  }

  private static boolean pairedAt(String value, int i) {
    char c = value.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
  }

  private void unicodeEscape(char c) {
    out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
        .append(HEX[c & 0xF]);
  }

  JsJson number(long value) {
    out.append(value);
    return this;
  }

  /** Writes any JSON value the reader produced. */
  JsJson node(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          name(member.getKey(), first).node(member.getValue());
          first = false;
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          node(node.get(i));
        }
        out.append(']');
      }
      case STRING -> string(node.stringValue());
      case BOOLEAN -> out.append(node.booleanValue());
      case NUMBER -> out.append(jsNumber(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue())
          : node.decimalValue()));
      default -> out.append("null");
    }
    return this;
  }

  /** ECMAScript Number::toString of a decimal: digits {@code s}, {@code k} of them, value {@code s × 10^(n−k)}. */
  static String jsNumber(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    String sign = value.signum() < 0 ? "-" : "";
    BigDecimal abs = value.abs().stripTrailingZeros();
    String s = abs.unscaledValue().toString();
    int k = s.length();
    int n = k - abs.scale();
    StringBuilder text = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      text.append(s).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      text.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      text.append("0.").append("0".repeat(-n)).append(s);
    } else {
      int e = n - 1;
      text.append(s.charAt(0));
      if (k > 1) {
        text.append('.').append(s, 1, k);
      }
      text.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return text.toString();
  }

  static String jsNumber(BigInteger value) {
    return jsNumber(new BigDecimal(value));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
