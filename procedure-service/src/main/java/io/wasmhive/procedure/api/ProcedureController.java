package io.wasmhive.procedure.api;

import io.wasmhive.procedure.api.ApiModel.CallRequest;
import io.wasmhive.procedure.api.ApiModel.CallResponse;
import io.wasmhive.procedure.api.ApiModel.CreateRequest;
import io.wasmhive.procedure.api.ApiModel.Details;
import io.wasmhive.procedure.api.ApiModel.ListResponse;
import io.wasmhive.procedure.api.ApiModel.MessageResponse;
import io.wasmhive.procedure.api.ApiModel.Summary;
import io.wasmhive.procedure.catalog.CreateCommand;
import io.wasmhive.procedure.catalog.ModuleEncoding;
import io.wasmhive.procedure.catalog.Names;
import io.wasmhive.procedure.catalog.ProcedureCatalog;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.execution.ProcedureInvoker;
import io.wasmhive.procedure.store.Procedure;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Seed 003's {@code /procedures} endpoints, namespaced by the optional {@code X-Mindb-Database} header. */
@RestController
class ProcedureController {

  private static final String DATABASE = "X-Mindb-Database";

  private final ProcedureCatalog catalog;
  private final ProcedureInvoker invoker;
  private final String defaultDatabase;

  ProcedureController(ProcedureCatalog catalog, ProcedureInvoker invoker, ProcedureProperties properties) {
    this.catalog = catalog;
    this.invoker = invoker;
    this.defaultDatabase = properties.defaultDatabase();
  }

  @PostMapping("/procedures")
  @ResponseStatus(HttpStatus.CREATED)
  MessageResponse create(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestBody CreateRequest request) {
    long start = System.nanoTime();
    Procedure created = catalog.create(command(database(database), request));
    return new MessageResponse(created.name(), "Procedure created successfully", Latency.since(start));
  }

  @GetMapping("/procedures")
  ListResponse list(@RequestHeader(name = DATABASE, required = false) String database) {
    long start = System.nanoTime();
    List<Summary> procedures = catalog.list(database(database)).stream().map(Summary::of).toList();
    return new ListResponse(procedures, procedures.size(), Latency.since(start));
  }

  @GetMapping("/procedures/{name}")
  Details get(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    long start = System.nanoTime();
    Procedure procedure = catalog.get(database(database), name);
    return Details.of(procedure, Latency.since(start));
  }

  @DeleteMapping("/procedures/{name}")
  MessageResponse drop(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    long start = System.nanoTime();
    catalog.drop(database(database), name);
    return new MessageResponse(name, "Procedure dropped successfully", Latency.since(start));
  }

  @PostMapping("/procedures/{name}/call")
  CallResponse call(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name,
      @RequestBody(required = false) CallRequest request) {
    long start = System.nanoTime();
    List<JsonNode> args = request == null || request.args() == null ? List.of() : request.args();
    Object result = invoker.call(database(database), name, args);
    return new CallResponse(result, Latency.since(start));
  }

  private String database(String header) {
    return header == null || header.isBlank() ? defaultDatabase : Names.requireDatabase(header.trim());
  }

  private static CreateCommand command(String database, CreateRequest r) {
    List<CreateCommand.ParamSpec> params = r.params() == null ? List.of()
        : r.params().stream().map(p -> p == null ? new CreateCommand.ParamSpec(null, null) : new CreateCommand.ParamSpec(p.name(), p.dataType())).toList();
    CreateCommand.LimitsSpec limits = r.limits() == null ? null
        : new CreateCommand.LimitsSpec(r.limits().maxMemory(), r.limits().maxTimeMs(), r.limits().maxGas());
    return new CreateCommand(database, r.name(), r.language(), ModuleEncoding.fromBase64(r.wasmBase64()), params,
        r.returnType(), r.description(), r.entry(), Boolean.TRUE.equals(r.replace()), limits);
  }
}
