package io.wasmhive.platform.events.contract;

/**
 * Every stream that crosses a service boundary, with the record it carries. This table and
 * {@code docs/events.md} are kept in step by {@code EventContractDocumentationTest}.
 *
 * <table>
 *   <caption>The streams</caption>
 *   <tr><th>stream</th><th>record</th><th>published by</th><th>read by</th></tr>
 *   <tr><td>{@value #MODULE_INDEX_REQUESTED}</td><td>{@link ModuleIndexRequested}</td>
 *       <td>indexer-service ({@code POST /index}, chain watcher), relay-service (a CID it lacks), workflow-service
 *       (the modules a submitted workflow names and the store lacks)</td>
 *       <td>group {@value #INDEXER_GROUP} of indexer-service</td></tr>
 *   <tr><td>{@value #MODULE_INDEXED}</td><td>{@link ModuleIndexed}</td><td>indexer-service</td>
 *       <td>whoever waits for a module: relay-service follows it without a group</td></tr>
 *   <tr><td>{@value #MODULE_INDEX_FAILED}</td><td>{@link ModuleIndexFailed}</td><td>indexer-service</td>
 *       <td>whoever waits for a module: relay-service follows it without a group</td></tr>
 *   <tr><td>{@value #EXEC_REQUESTED}</td><td>{@link ExecutionRequested}</td><td>relay-service's gateway</td>
 *       <td>group {@value #EXECUTORS_GROUP} of relay-service's workers</td></tr>
 *   <tr><td>{@value #EXEC_COMPLETED}</td><td>{@link ExecutionCompleted}</td>
 *       <td>relay-service's workers, atomically with their {@code relay:done:} marker</td>
 *       <td>every relay-service instance, following it without a group</td></tr>
 *   <tr><td>{@value #EXEC_EVENTS}</td><td>{@link ExecutionEvent}</td>
 *       <td>relay-service (queued: the gateway; the others: the workers)</td>
 *       <td>every relay-service instance serving SSE, following it without a group</td></tr>
 *   <tr><td>{@value #WORKFLOW_RUN_EVENTS}</td><td>{@link WorkflowRunEvent}</td>
 *       <td>workflow-service's runners</td>
 *       <td>every workflow-service instance, following it without a group for its SSE endpoints</td></tr>
 * </table>
 *
 * <p>Each stream is named after the wire name of its record ({@code @EventName}); a record's
 * payload fields are its components under their {@code @JsonProperty} names.
 */
public final class Streams {

  /** Requests to fetch a module by CID. */
  public static final String MODULE_INDEX_REQUESTED = "module_index_requested";

  /** Modules fetched, verified and stored. */
  public static final String MODULE_INDEXED = "module_indexed";

  /** CIDs that could not be indexed. */
  public static final String MODULE_INDEX_FAILED = "module_index_failed";

  /** Accepted executions, waiting for an executor. */
  public static final String EXEC_REQUESTED = "wasm_exec_requested";

  /** Finished executions, one outcome per request. */
  public static final String EXEC_COMPLETED = "wasm_exec_completed";

  /** Lifecycle events of executions, served over SSE. */
  public static final String EXEC_EVENTS = "wasm_exec_events";

  /** Events of workflow runs (run and step started and finished), served over SSE. */
  public static final String WORKFLOW_RUN_EVENTS = "workflow_run_events";

  /** The consumer group of the relay's executor consumers on {@link #EXEC_REQUESTED}. */
  public static final String EXECUTORS_GROUP = "executors";

  /** The consumer group of the indexers on {@link #MODULE_INDEX_REQUESTED} (its default name). */
  public static final String INDEXER_GROUP = "indexer";

  private Streams() {
  }
}
