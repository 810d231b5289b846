package io.wasmhive.executor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * One execution to run on the pool: which module, how to enter it, its inputs and its policy. Immutable;
 * build with {@link #builder(String)}.
 */
public final class ExecutionTask {

  private final String id;
  private final String moduleId;
  private final byte[] moduleBytes;
  private final Entry entry;
  private final byte[] stdin;
  private final List<String> args;
  private final Map<String, String> env;
  private final Map<String, byte[]> files;
  private final boolean deterministic;
  private final Policy policy;
  private final RpcHandler rpcHandler;
  private final IntConsumer progressListener;
  private final DatabaseHandler database;

  private ExecutionTask(Builder b) {
    this.id = b.id == null ? randomId() : b.id;
    this.moduleId = Objects.requireNonNull(b.moduleId, "moduleId");
    this.moduleBytes = b.moduleBytes;
    this.entry = Objects.requireNonNull(b.entry, "entry");
    this.stdin = b.stdin == null ? new byte[0] : b.stdin;
    this.args = List.copyOf(b.args);
    this.env = Map.copyOf(b.env);
    this.files = Map.copyOf(b.files);
    this.deterministic = b.deterministic;
    this.policy = b.policy;
    this.rpcHandler = b.rpcHandler;
    this.progressListener = b.progressListener;
    this.database = b.database;
  }

  /** A builder for a task on the module whose id (SHA-256 hex of its original bytes) is given. */
  public static Builder builder(String moduleId) {
    return new Builder(moduleId);
  }

  /** The task id; also the seed of the deterministic clock and random source. */
  public String id() { return id; }

  /**
   * A random version-4 UUID from {@link ThreadLocalRandom}: unique in practice and, unlike
   * {@link UUID#randomUUID()}, free of the shared {@code SecureRandom} that every execution would contend on.
   * Ids are labels, not secrets; deterministic guests derive their seed from them.
   */
  private static String randomId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }

  /** The SHA-256 hex of the module's original bytes. */
  public String moduleId() { return moduleId; }

  /**
   * The module's bytes, used to register it when it is not cached (before the executor's {@link ModuleSource}
   * is asked); may be {@code null}, and is when the executor has a module source.
   */
  public byte[] moduleBytes() { return moduleBytes; }

  public Entry entry() { return entry; }

  public byte[] stdin() { return stdin; }

  /** WASI arguments after the program name. */
  public List<String> args() { return args; }

  public Map<String, String> env() { return env; }

  /** Files of the virtual pre-opened directory {@code /}, by path relative to it. */
  public Map<String, byte[]> files() { return files; }

  /** Whether clocks and randomness are derived from the task id instead of the host's. */
  public boolean deterministic() { return deterministic; }

  public Policy policy() { return policy; }

  /** The handler for this task's RPC calls, or {@code null} for the executor's. */
  public RpcHandler rpcHandler() { return rpcHandler; }

  /** Receives {@code host.progress} reports (0 to 100), or {@code null}. Called on the worker thread. */
  public IntConsumer progressListener() { return progressListener; }

  /** Answers the guest's {@code db} imports; {@code null} when the task has no database. */
  public DatabaseHandler database() { return database; }

  @Override
  public String toString() {
    return "ExecutionTask[" + id + ", module=" + moduleId + ", entry=" + entry + "]";
  }

  /** Builds an {@link ExecutionTask}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private final String moduleId;
    private byte[] moduleBytes;
    private Entry entry = Entry.command();
    private byte[] stdin;
    private List<String> args = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean deterministic;
    private Policy policy = Policy.DEFAULT;
    private RpcHandler rpcHandler;
    private IntConsumer progressListener;
    private DatabaseHandler database;

    private Builder(String moduleId) {
      this.moduleId = moduleId;
    }

    public Builder id(String id) { this.id = id; return this; }

    public Builder moduleBytes(byte[] bytes) { this.moduleBytes = bytes; return this; }

    public Builder entry(Entry entry) { this.entry = entry; return this; }

    public Builder stdin(byte[] stdin) { this.stdin = stdin; return this; }

    public Builder args(List<String> args) { this.args = args; return this; }

    public Builder env(String name, String value) { this.env.put(name, value); return this; }

    public Builder env(Map<String, String> env) { this.env.putAll(env); return this; }

    public Builder file(String path, byte[] content) { this.files.put(path, content); return this; }

    public Builder deterministic(boolean deterministic) { this.deterministic = deterministic; return this; }

    public Builder policy(Policy policy) { this.policy = Objects.requireNonNull(policy); return this; }

    public Builder rpcHandler(RpcHandler handler) { this.rpcHandler = handler; return this; }

    public Builder progressListener(IntConsumer listener) { this.progressListener = listener; return this; }

    public Builder database(DatabaseHandler database) { this.database = database; return this; }

    public ExecutionTask build() {
      return new ExecutionTask(this);
    }
  }
}
