import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One method per kind of request the load sends. Each sends one request, counts it and, when it is accepted (a 2xx
 * answer), records it in the ledger with the effect it must have. Blocking; thread-safe.
 */
final class Workloads {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  /**
   * How many of the run's procedures stay callable: past it, each drop drops the oldest (never the first), so the
   * procedures alive stay about this many however long the load runs, as where users drop what they no longer use.
   */
  static final int LIVE_PROCEDURES = 100;

  /** A procedure leaves the calls' choice this long before its drop: longer than any call may take (Http's 15 s). */
  private static final long RETIRE_MS = 20_000;

  private record Retired(String name, long at) {
  }

  private final Platform platform;
  private final Ledger ledger;
  private final Minutes minutes;
  private final Gateway gateway;
  private final String tag;
  // Inputs differ from run to run too, so that no request is answered from an earlier run's idempotency slot.
  private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));
  private final List<String> procedures = new CopyOnWriteArrayList<>();
  private final Deque<Retired> retired = new ConcurrentLinkedDeque<>();

  Workloads(Platform platform, Ledger ledger, Minutes minutes, Gateway gateway, String tag) {
    this.platform = platform;
    this.ledger = ledger;
    this.minutes = minutes;
    this.gateway = gateway;
    this.tag = tag;
  }

  /** An execution by CID on the relay, asynchronous: accepted is 202 with a request id; the output must be n + 1. */
  void execute() {
    long n = next();
    Http.Answer a = Http.post(platform.relay() + "/intent/execute-wasm", "{\"cid\":\"" + platform.addCid()
        + "\",\"inputs\":[" + n + ",1],\"mode\":\"async\",\"policy\":{\"max_time\":5000}}");
    String id = a.status() == 202 ? a.field("request_id") : null;
    minutes.count("exec", a, a.ok() && id == null);
    if (id != null) {
      ledger.accept("exec", id, Long.toString(n + 1));
    }
  }

  /** A procedure create: accepted is 201; the procedure must then exist, once. */
  void createProcedure() {
    String name = "chaos_" + tag + "_" + next();
    Http.Answer a = Http.post(platform.procedures() + "/procedures", procedureBody(name));
    minutes.count("proc-create", a, false);
    if (a.status() == 201) {
      ledger.accept("proc-create", name, "").finish(Ledger.State.COMPLETED, "");
      procedures.add(name);
    }
  }

  /**
   * A procedure drop: once more than {@link #LIVE_PROCEDURES} are callable, the oldest (after the first) leaves the
   * calls' choice, and one that left it {@link #RETIRE_MS} ago is dropped. Accepted is 200; the procedure must then
   * be gone. A drop sent is noted in the ledger whatever the answer, so a create whose drop went unanswered is not
   * required to exist.
   */
  void dropProcedure() {
    synchronized (procedures) {
      if (procedures.size() > LIVE_PROCEDURES) {
        retired.add(new Retired(procedures.remove(1), System.currentTimeMillis()));
      }
    }
    Retired oldest = retired.peek();
    if (oldest == null || System.currentTimeMillis() - oldest.at() < RETIRE_MS || !retired.remove(oldest)) {
      return;
    }
    ledger.tried("proc-drop", oldest.name());
    Http.Answer a = Http.delete(platform.procedures() + "/procedures/" + oldest.name());
    minutes.count("proc-drop", a, false);
    if (a.status() == 200) {
      ledger.accept("proc-drop", oldest.name(), "").finish(Ledger.State.COMPLETED, "");
    }
  }

  /** A call of a procedure created before: accepted is 200, and the result must be n + 7. */
  void callProcedure() {
    if (procedures.isEmpty()) {
      return;
    }
    Object[] callable = procedures.toArray();
    String name = (String) callable[ThreadLocalRandom.current().nextInt(callable.length)];
    long n = next() % 1_000_000;
    Http.Answer a = Http.post(platform.procedures() + "/procedures/" + name + "/call", "{\"args\":[" + n + ",7]}");
    boolean right = a.body().matches("(?s)\\{\"result\":" + (n + 7) + "[,}].*");
    minutes.count("proc-call", a, a.ok() && !right);
    if (a.ok()) {
      ledger.accept("proc-call", name + "/" + n, Long.toString(n + 7))
          .finish(right ? Ledger.State.COMPLETED : Ledger.State.WRONG, right ? "" : a.body());
    }
  }

  /** An index job of a module only the gateway has: accepted is 202 (or 200); it must end pinned, stored once. */
  void index() {
    byte[] module = Modules.tagged(platform.addModule(), tag + "-" + next());
    String cid = Modules.cidV1Raw(module);
    gateway.put(cid, module);
    Http.Answer a = Http.post(platform.indexer() + "/index", "{\"cid\":\"" + cid + "\"}");
    minutes.count("index", a, false);
    if (a.ok()) {
      ledger.accept("index", cid, Modules.sha256Hex(module));
    }
  }

  /** A workflow create (201) and one run of it (202): the run must end SUCCEEDED, echoing its text, once. */
  void workflow() {
    String text = tag + "-" + next();
    Http.Answer created = Http.post(platform.workflows() + "/workflows", workflowBody(text));
    String workflowId = created.status() == 201 ? created.field("id") : null;
    minutes.count("wf-create", created, created.ok() && workflowId == null);
    if (workflowId == null) {
      return;
    }
    ledger.accept("wf-create", workflowId, "").finish(Ledger.State.COMPLETED, "");
    Http.Answer run = Http.post(platform.workflows() + "/workflows/" + workflowId + "/jobs/job-1/runs", "");
    String runId = run.status() == 202 ? run.field("id") : null;
    minutes.count("wf-run", run, run.ok() && runId == null);
    if (runId != null) {
      ledger.accept("wf-run", runId, text);
    }
  }

  /** The procedure every call can use from the start; fails when it cannot be created. */
  void createFirstProcedure() {
    String name = "chaos_" + tag + "_base";
    Http.Answer a = Http.post(platform.procedures() + "/procedures", procedureBody(name));
    if (a.status() != 201) {
      throw new IllegalStateException("cannot create " + name + ": " + a);
    }
    ledger.accept("proc-create", name, "").finish(Ledger.State.COMPLETED, "");
    procedures.add(name);
  }

  private String procedureBody(String name) {
    return "{\"name\":\"" + name + "\",\"wasm_base64\":\"" + Base64.getEncoder().encodeToString(platform.addModule())
        + "\",\"entry\":\"add\",\"params\":[{\"name\":\"a\",\"data_type\":\"INT\"},{\"name\":\"b\",\"data_type\":"
        + "\"INT\"}],\"return_type\":\"INT\"}";
  }

  private String workflowBody(String text) {
    return "{\"workflow\":{\"owner\":\"" + OWNER + "\",\"triggers\":[],\"jobs\":[{\"id\":\"job-1\",\"chainId\":31337,"
        + "\"steps\":[{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],"
        + "\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\"" + platform.echoSha256() + "\",\"wasmInput\":{\"text\":\""
        + text + "\"},\"wasmId\":\"echo\",\"wasmTimeoutMs\":5000}],\"session\":\"eyJ" + "A".repeat(40) + "\"}]},"
        + "\"metadata\":{\"createdAt\":1767225600000,\"version\":\"1.0.0\"}}";
  }

  private long next() {
    return sequence.incrementAndGet();
  }
}
