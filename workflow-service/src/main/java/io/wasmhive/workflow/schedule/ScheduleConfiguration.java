package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.run.RunService;
import io.wasmhive.workflow.store.WorkflowStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The schedule feature: the store on {@code workflow_schedules}, the service (with the clock: the system's UTC clock
 * unless the context holds a {@link Clock} bean, as a test may), the listener that makes a submitted workflow's
 * schedule, and the ticker with its Redis lease unless {@code workflow.schedule.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfiguration {

  @Bean
  ScheduleStore scheduleStore(MongoTemplate mongo) {
    return new ScheduleStore(mongo);
  }

  @Bean
  ScheduleService scheduleService(ScheduleStore schedules, WorkflowStore workflows, RunService runs,
      ObjectProvider<Clock> clock) {
    return new ScheduleService(schedules, workflows, runs, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  SubmittedWorkflows submittedWorkflows(ScheduleService schedules) {
    return new SubmittedWorkflows(schedules);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "workflow.schedule.enabled", matchIfMissing = true)
  ScheduleTicker scheduleTicker(ScheduleService schedules, StringRedisTemplate redis, ScheduleProperties p) {
    return new ScheduleTicker(schedules, new LeaderLease(redis, p.leaseKey(), p.lease()), p);
  }
}
