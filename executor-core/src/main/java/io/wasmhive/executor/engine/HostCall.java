package io.wasmhive.executor.engine;

/** What a host function may touch of the instance that called it. Valid only during that call. */
public interface HostCall {

    /** The instance's exported memory named {@code memory}; fails with {@link GuestMemoryAccessException} if none. */
    GuestMemory memory();

    /** Whether the instance exports a function of that name. */
    boolean hasExport(String name);

    /** Calls back into an exported guest function whose parameters are all i32 (for example {@code alloc}); re-entrant. */
    long[] callExport(String name, long... args);
}
