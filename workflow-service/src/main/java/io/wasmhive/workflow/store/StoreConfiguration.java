package io.wasmhive.workflow.store;

import io.wasmhive.workflow.sdk.WorkflowLimits;
import io.wasmhive.workflow.sdk.WorkflowReader;
import io.wasmhive.workflow.sdk.WorkflowWriter;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The reader and writer of SDK workflows (with {@code workflow.limits}) and the workflow store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowLimits.class)
class StoreConfiguration {

  @Bean
  WorkflowReader workflowReader(WorkflowLimits limits) {
    return new WorkflowReader(limits);
  }

  @Bean
  WorkflowWriter workflowWriter() {
    return new WorkflowWriter();
  }

  @Bean
  MongoWorkflowStore workflowStore(MongoTemplate mongo, WorkflowReader reader) {
    return new MongoWorkflowStore(mongo, reader, Clock.systemUTC());
  }
}
