package io.wasmhive.workflow.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** Reads revert data: {@code Error(string)}, {@code Panic(uint256)}, or anything else as raw hex. */
public final class RevertReasons {

  static final String ERROR_SELECTOR = "0x08c379a0";
  static final String PANIC_SELECTOR = "0x4e487b71";

  /** Solidity's panic codes (the language documentation's list). */
  private static final Map<Integer, String> PANICS = Map.ofEntries(
      Map.entry(0x00, "generic compiler panic"),
      Map.entry(0x01, "assertion failed"),
      Map.entry(0x11, "arithmetic overflow"),
      Map.entry(0x12, "division or modulo by zero"),
      Map.entry(0x21, "invalid enum value"),
      Map.entry(0x22, "invalid storage byte array encoding"),
      Map.entry(0x31, "pop on empty array"),
      Map.entry(0x32, "array index out of bounds"),
      Map.entry(0x41, "out of memory"),
      Map.entry(0x51, "call to an uninitialized function"));

  private RevertReasons() {
  }

  /** The reason for revert {@code data} ({@code 0x}-prefixed hex). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static String describe(String data) {
    String hex = data == null ? "0x" : data.toLowerCase(java.util.Locale.ROOT);
    if ("0x".equals(hex)) {
      return "execution reverted without data";
    }
    try {
      if (hex.startsWith(ERROR_SELECTOR)) {
        List<Type> decoded = FunctionReturnDecoder.decode(hex.substring(10),
            (List) List.of(TypeReference.create(Utf8String.class)));
        if (decoded.size() == 1) {
          return (String) decoded.get(0).getValue();
        }
      } else if (hex.startsWith(PANIC_SELECTOR) && hex.length() == 10 + 64) {
        BigInteger code = new BigInteger(hex.substring(10), 16);
        String name = code.bitLength() < 16 ? PANICS.get(code.intValue()) : null;
        return "Panic(0x" + String.format("%02x", code) + "): " + (name == null ? "unknown panic code" : name);
      }
    } catch (RuntimeException e) {
      // Malformed Error(string) data: reported raw, like a custom error.
    }
    return hex;
  }
}
