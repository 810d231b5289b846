package io.wasmhive.workflow.schedule;

import io.wasmhive.platform.chainwatch.BackoffPoller;
import io.wasmhive.platform.chainwatch.MongoChainCursorStore;
import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.run.RunService;
import io.wasmhive.workflow.store.WorkflowStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The schedule feature: the store on {@code workflow_schedules}, the service (with the clock: the system's UTC clock
 * unless the context holds a {@link Clock} bean, as a test may), the listener that makes a submitted workflow's
 * schedule, the ticker with its Redis lease unless {@code workflow.schedule.enabled} is false, and the watcher of
 * event triggers under the same lease unless either {@code workflow.schedule.enabled} or
 * {@code workflow.schedule.events.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScheduleProperties.class, TriggerProperties.class})
class ScheduleConfiguration {

  @Bean
  ScheduleStore scheduleStore(MongoTemplate mongo) {
    return new ScheduleStore(mongo);
  }

  @Bean
  TriggerFirings triggerFirings(MongoTemplate mongo) {
    return new TriggerFirings(mongo);
  }

  @Bean
  ScheduleService scheduleService(ScheduleStore schedules, WorkflowStore workflows, RunService runs,
      ObjectProvider<Clock> clock, TriggerFirings firings) {
    return new ScheduleService(schedules, workflows, runs, clock.getIfAvailable(Clock::systemUTC), firings);
  }

  @Bean
  SubmittedWorkflows submittedWorkflows(ScheduleService schedules) {
    return new SubmittedWorkflows(schedules);
  }

  @Bean
  LeaderLease scheduleLease(StringRedisTemplate redis, ScheduleProperties p) {
    return new LeaderLease(redis, p.leaseKey(), p.lease());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "workflow.schedule.enabled", matchIfMissing = true)
  ScheduleTicker scheduleTicker(ScheduleService schedules, LeaderLease scheduleLease, ScheduleProperties p) {
    return new ScheduleTicker(schedules, scheduleLease, p);
  }

  @Bean
  EventTriggerWatcher eventTriggerWatcher(ScheduleStore schedules, ScheduleService service, WorkflowStore workflows,
      ChainEndpoints endpoints, LeaderLease scheduleLease, TriggerProperties p, MongoTemplate mongo,
      ObjectProvider<Clock> clock) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    return new EventTriggerWatcher(schedules, service, workflows, endpoints, scheduleLease, p,
        new MongoChainCursorStore(mongo, EventTriggerWatcher.CURSORS, time), time);
  }

  /**
   * The event-trigger poller, on an instance that schedules at all: one with {@code workflow.schedule.enabled} false
   * must not take the lease the ticker of another instance needs.
   */
  @Bean
  @ConditionalOnExpression("${workflow.schedule.enabled:true} and ${workflow.schedule.events.enabled:true}")
  BackoffPoller eventTriggerPoller(EventTriggerWatcher watcher, TriggerProperties p) {
    return new BackoffPoller("workflow-event-triggers", watcher::pollOnce, p.pollInterval(), p.maxBackoff()) {
      @Override
      protected void stopped() {
        watcher.close();
      }
    };
  }
}
