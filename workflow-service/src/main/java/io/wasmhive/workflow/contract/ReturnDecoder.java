package io.wasmhive.workflow.contract;

import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Decodes what a call returned by its output types, with web3j, into JSON as viem's {@code readContract} gives it:
 * integers as JSON integers (exact, any size), addresses in their EIP-55 form, booleans, strings, bytes as lower-case
 * {@code 0x} hex, arrays as arrays. One output is that value; several are an array of them. Tuples are not decoded
 * (web3j needs a class per struct). Stateless.
 */
public final class ReturnDecoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReturnDecoder() {
  }

  /**
   * The decoded value of {@code returnData} ({@code 0x} hex).
   *
   * @throws IllegalArgumentException when a type is not supported, or the data is empty or does not decode
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static JsonNode decode(String returnData, List<String> outputTypes) {
    if (outputTypes.isEmpty()) {
      throw new IllegalArgumentException("the function returns nothing");
    }
    List<TypeReference<Type>> references = new ArrayList<>();
    for (String type : outputTypes) {
      if (type.contains("(")) {
        throw new IllegalArgumentException("tuple outputs are not supported: " + type);
      }
      try {
        references.add((TypeReference) TypeReference.makeTypeReference(type));
      } catch (ClassNotFoundException | RuntimeException e) {
        throw new IllegalArgumentException("unsupported output type " + type);
      }
    }
    if (returnData == null || Numeric.cleanHexPrefix(returnData).isEmpty()) {
      throw new IllegalArgumentException("the call returned no data (\"0x\")");
    }
    List<Type> values;
    try {
      values = FunctionReturnDecoder.decode(returnData, references);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the returned data does not decode as (" + String.join(",", outputTypes)
          + "): " + e.getMessage());
    }
    if (values.size() != outputTypes.size()) {
      throw new IllegalArgumentException("the returned data does not decode as (" + String.join(",", outputTypes)
          + ")");
    }
    if (values.size() == 1) {
      return json(values.get(0));
    }
    ArrayNode out = NODES.arrayNode();
    values.forEach(value -> out.add(json(value)));
    return out;
  }

  @SuppressWarnings("rawtypes")
  private static JsonNode json(Type value) {
    if (value instanceof NumericType number) {
      return NODES.numberNode(number.getValue());
    }
    if (value instanceof Address address) {
      return NODES.stringNode(Keys.toChecksumAddress(address.getValue()));
    }
    if (value instanceof Bool bool) {
      return NODES.booleanNode(bool.getValue());
    }
    if (value instanceof Utf8String text) {
      return NODES.stringNode(text.getValue());
    }
    if (value instanceof BytesType bytes) {
      return NODES.stringNode(Numeric.toHexString(bytes.getValue()));
    }
    if (value instanceof Array<?> array) {
      ArrayNode out = NODES.arrayNode();
      for (Object element : array.getValue()) {
        out.add(json((Type) element));
      }
      return out;
    }
    throw new IllegalArgumentException("unsupported output value " + value.getTypeAsString());
  }
}
