package io.wasmhive.workflow.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/** Encodes a call: the selector of {@code name(types)} followed by the ABI encoding of the arguments. */
final class Calldata {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private Calldata() {
  }

  /**
   * The {@code 0x}-prefixed calldata; throws {@link ArgumentEncodingException} for a bad type or value and
   * {@link IllegalArgumentException} for a bad name or argument count. An empty name with no arguments is the SDK's
   * {@code abi ""}, a plain value transfer: calldata {@code 0x}.
   */
  static String encode(String functionName, List<String> inputTypes, List<?> arguments) {
    if ("".equals(functionName) && inputTypes.isEmpty() && arguments.isEmpty()) {
      return "0x";
    }
    if (functionName == null || !NAME.matcher(functionName).matches()) {
      throw new IllegalArgumentException("invalid function name: " + functionName);
    }
    if (inputTypes.size() != arguments.size()) {
      throw new IllegalArgumentException("the function takes " + inputTypes.size() + " arguments, got "
          + arguments.size());
    }
    List<String> canonical = new ArrayList<>();
    List<Type> values = new ArrayList<>();
    for (int i = 0; i < inputTypes.size(); i++) {
      String typeText = inputTypes.get(i);
      SolidityType type;
      try {
        type = SolidityType.parse(typeText);
      } catch (IllegalArgumentException e) {
        throw new ArgumentEncodingException(i, typeText, e.getMessage());
      }
      try {
        values.add(ArgumentEncoder.encode(type, arguments.get(i)));
      } catch (ArgumentEncoder.Problem e) {
        throw new ArgumentEncodingException(i, typeText, e.getMessage());
      }
      canonical.add(type.canonical());
    }
    String signature = functionName + "(" + String.join(",", canonical) + ")";
    return Hash.sha3String(signature).substring(0, 10) + FunctionEncoder.encodeConstructor(values);
  }
}
