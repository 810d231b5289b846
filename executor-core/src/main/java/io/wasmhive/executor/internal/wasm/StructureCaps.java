package io.wasmhive.executor.internal.wasm;

/**
 * Caps on module structure, checked while parsing so that hostile modules cannot make the parser,
 * the instrumenter or the engine's compiler allocate without bound. Exceeding one is an
 * {@link io.wasmhive.executor.InvalidModuleException}. They sit well above what compilers emit for
 * real programs (a large Rust binary has about 10k functions).
 */
public final class StructureCaps {

  /** Entries in the type section. */
  public static final int MAX_TYPES = 10_000;
  /** Parameters, and separately results, of one function type. */
  public static final int MAX_PARAMS = 1_000;
  /** Imports of all kinds. */
  public static final int MAX_IMPORTS = 1_000;
  /** Exports of all kinds. */
  public static final int MAX_EXPORTS = 1_000;
  /** Functions defined by the module (imports not counted). */
  public static final int MAX_FUNCTIONS = 100_000;
  /** Locals declared by one function, parameters not counted. */
  public static final int MAX_LOCALS = 50_000;
  /** Tables, imported or defined. */
  public static final int MAX_TABLES = 100;
  /** Memories, imported or defined. */
  public static final int MAX_MEMORIES = 16;
  /** Globals, imported or defined. */
  public static final int MAX_GLOBALS = 100_000;
  /** Element segments and, separately, data segments. */
  public static final int MAX_SEGMENTS = 100_000;
  /** Entries of one element segment. */
  public static final int MAX_ELEMENTS = 1_000_000;
  /** Bytes in an import, export or custom-section name. */
  public static final int MAX_NAME_BYTES = 10_000;
  /** Nesting depth of blocks within one function. */
  public static final int MAX_NESTING = 10_000;
  /** Exception tags. */
  public static final int MAX_TAGS = 10_000;

  private StructureCaps() {
  }
}
