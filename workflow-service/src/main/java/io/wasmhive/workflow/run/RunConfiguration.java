package io.wasmhive.workflow.run;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.contract.ContractSimulator;
import io.wasmhive.workflow.modules.StepModules;
import io.wasmhive.workflow.store.WorkflowStore;
import io.wasmhive.workflow.tx.Transactions;
import io.wasmhive.workflow.wasm.WasmStepRunner;
import io.wasmhive.workflow.whitelist.WasmWhitelist;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The run feature: the store on {@code workflow_runs}, the job runner, the service and its consumers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunProperties.class)
class RunConfiguration {

  @Bean
  RunStore runStore(MongoTemplate mongo) {
    return new RunStore(mongo, Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  RunService runService(WorkflowStore workflows, RunStore runs, EventBus bus, StepModules modules,
      WasmStepRunner wasm, ReadOnlyRpc chains, ContractSimulator contracts, RunProperties properties,
      JsonMapper json, WasmWhitelist whitelist, Transactions transactions,
      ObjectProvider<RunListener> listeners) {
    JobRunner runner = new JobRunner(modules, wasm, chains, contracts, json, Clock.systemUTC(), whitelist,
        new ContractSteps(chains, contracts, transactions, json));
    return new RunService(workflows, runs, bus, runner, properties, json, Clock.systemUTC(),
        RunListener.all(listeners.orderedStream().toList()));
  }

  /**
   * {@code workflow.runs.consumers} runners per instance in the group {@code workflow-runners}, unless
   * {@code workflow.runs.consume} is false. An entry whose run is
   * held by a live lease is retried after the lease, so a run claimed by a killed instance is taken over.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "workflow.runs.consume", matchIfMissing = true)
  Subscription<WorkflowRunRequested> runRequests(RunService service, RunProperties p) {
    return Subscription.of(EventTypes.wireName(WorkflowRunRequested.class), WorkflowRunRequested.GROUP,
            WorkflowRunRequested.class, service::handle)
        .withOptions(o -> o.withBatchSize(1).withConcurrency(p.consumers()).withReclaimIdle(p.lease())
            .withMaxDeliveries(p.maxDeliveries()));
  }
}
