package io.wasmhive.executor.internal.wasm;

/** Where one section lies in the module: its header starts at {@code start}, its payload spans {@code [payloadStart, end)}. */
record Section(int id, int start, int payloadStart, int end) {

  static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
      EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12, TAG = 13;

  private static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory", "global",
    "export", "start", "element", "code", "data", "datacount", "tag"};
  // Position of each section id in the order the binary format requires.
  private static final int[] RANK = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

  /** The name used in messages, e.g. "code section". */
  static String name(int id) {
    return (id >= 0 && id < NAMES.length ? NAMES[id] : "unknown") + " section";
  }

  /** The position of a known non-custom section id in the required order. */
  static int rank(int id) {
    return RANK[id];
  }

  static boolean known(int id) {
    return id >= 0 && id < RANK.length;
  }
}
