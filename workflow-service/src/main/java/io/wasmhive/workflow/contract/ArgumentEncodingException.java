package io.wasmhive.workflow.contract;

/** An argument that cannot be encoded as its Solidity type; the message names the argument's index and type. */
public class ArgumentEncodingException extends IllegalArgumentException {

  private final int index;
  private final String type;

  ArgumentEncodingException(int index, String type, String problem) {
    super("argument " + index + " (" + type + "): " + problem);
    this.index = index;
    this.type = type;
  }

  /** The argument's position, from 0. */
  public int index() {
    return index;
  }

  /** The argument's Solidity type as given. */
  public String type() {
    return type;
  }

  /** Never: the same arguments fail the same way. */
  public boolean retryable() {
    return false;
  }
}
