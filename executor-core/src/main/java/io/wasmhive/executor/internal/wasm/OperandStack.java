package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.InvalidModuleException;
import java.util.Arrays;

/**
 * The operand and control stacks of the specification's validation algorithm (appendix "Validation
 * Algorithm"), with value types as bytes and {@link ValTypes#UNKNOWN} for values of an unreachable stack.
 * Errors are raised through the reader so they name the function and offset. Not thread-safe.
 */
final class OperandStack {

  private final WasmReader r;
  private byte[] vals = new byte[64];
  private int height;
  private int[] opcodes = new int[16];
  private byte[][] starts = new byte[16][];
  private byte[][] ends = new byte[16][];
  private int[] heights = new int[16];
  private boolean[] unreachable = new boolean[16];
  private int frames;
  private byte[] popped = new byte[16];
  /** The offset of the instruction being validated, for messages. */
  int at;
  /** The name of the instruction being validated, for messages. */
  String instruction = "";

  OperandStack(WasmReader reader) {
    this.r = reader;
  }

  void reset() {
    height = 0;
    frames = 0;
  }

  int frames() {
    return frames;
  }

  void push(byte type) {
    if (height == vals.length) {
      vals = Arrays.copyOf(vals, height * 2);
    }
    vals[height++] = type;
  }

  void push(byte[] types) {
    for (byte t : types) {
      push(t);
    }
  }

  byte pop() {
    int floor = heights[frames - 1];
    if (height == floor) {
      if (unreachable[frames - 1]) {
        return ValTypes.UNKNOWN;
      }
      throw error("type mismatch in " + instruction + ": expected a value, but the stack is empty");
    }
    return vals[--height];
  }

  byte pop(byte expected) {
    byte actual = pop();
    if (actual != expected && actual != ValTypes.UNKNOWN && expected != ValTypes.UNKNOWN) {
      throw error("type mismatch in " + instruction + ": expected " + ValTypes.name(expected) + ", got "
          + ValTypes.name(actual));
    }
    return actual;
  }

  /** Pops {@code types} (last first); the values actually popped stay in {@link #popped()} until the next call. */
  void pop(byte[] types) {
    if (popped.length < types.length) {
      popped = new byte[types.length];
    }
    for (int i = types.length - 1; i >= 0; i--) {
      popped[i] = pop(types[i]);
    }
  }

  byte[] popped() {
    return popped;
  }

  byte popRef() {
    byte actual = pop();
    if (actual != ValTypes.UNKNOWN && !ValTypes.isRef(actual)) {
      throw error("type mismatch in " + instruction + ": expected a reference, got " + ValTypes.name(actual));
    }
    return actual;
  }

  void pushFrame(int opcode, byte[] start, byte[] end) {
    if (frames == opcodes.length) {
      int n = frames * 2;
      opcodes = Arrays.copyOf(opcodes, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      heights = Arrays.copyOf(heights, n);
      unreachable = Arrays.copyOf(unreachable, n);
    }
    opcodes[frames] = opcode;
    starts[frames] = start;
    ends[frames] = end;
    heights[frames] = height;
    unreachable[frames++] = false;
    push(start);
  }

  /** Pops the innermost frame after checking that the stack holds exactly its results; returns its opcode. */
  int popFrame() {
    if (frames == 0) {
      throw error("unexpected " + instruction + " after the end of the function");
    }
    int top = frames - 1;
    pop(ends[top]);
    if (height != heights[top]) {
      throw error("type mismatch at the end of a block: " + (height - heights[top])
          + " value(s) left over beyond " + ValTypes.names(ends[top]));
    }
    frames--;
    return opcodes[top];
  }

  /** The start and end types of the frame {@link #popFrame()} just removed. */
  byte[] lastStart() {
    return starts[frames];
  }

  byte[] lastEnd() {
    return ends[frames];
  }

  /** The types a branch to relative label {@code depth} carries. */
  byte[] labelTypes(int depth) {
    if (depth < 0 || depth >= frames) {
      throw error("unknown label " + Integer.toUnsignedString(depth));
    }
    int i = frames - 1 - depth;
    return opcodes[i] == Opcodes.LOOP ? starts[i] : ends[i];
  }

  /** The results of the function: the outermost frame's end types. */
  byte[] functionResults() {
    return ends[0];
  }

  void unreachable() {
    height = heights[frames - 1];
    unreachable[frames - 1] = true;
  }

  InvalidModuleException error(String message) {
    return r.error(message, at);
  }
}
