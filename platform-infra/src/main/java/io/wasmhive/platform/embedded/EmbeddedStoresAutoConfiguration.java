package io.wasmhive.platform.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Starts or joins the embedded MongoDB and Redis of a local run when the environment names no
 * external store, and hands their addresses to Spring Boot's clients as connection details. Runs
 * before Boot's own MongoDB and Redis auto-configurations, which back off from their
 * property-based connection details when these exist. Each store bean stops the server it owns
 * when the context closes, after the clients that use it.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, DataRedisAutoConfiguration.class})
@EnableConfigurationProperties({EmbeddedStoresProperties.class, DataDirProperties.class})
public class EmbeddedStoresAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MongoClient.class, MongoServer.class})
  @Conditional(NoExternalStoreCondition.Mongo.class)
  static class EmbeddedMongoConfiguration {

    @Bean
    EmbeddedMongo embeddedMongo(EmbeddedStoresProperties properties, DataDirProperties data) {
      return EmbeddedMongo.startOrJoin(properties.mongo(), data.absoluteDataDir());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo,
        EmbeddedStoresProperties properties) {
      ConnectionString connectionString = mongo.connectionString(properties.mongo().database());
      return () -> connectionString;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RedisConnectionFactory.class, RedisServer.class})
  @Conditional(NoExternalStoreCondition.Redis.class)
  static class EmbeddedRedisConfiguration {

    @Bean
    EmbeddedRedis embeddedRedis(EmbeddedStoresProperties properties, DataDirProperties data) {
      return EmbeddedRedis.startOrJoin(properties.redis(), data.absoluteDataDir());
    }

    @Bean
    DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedis redis) {
      DataRedisConnectionDetails.Standalone standalone = DataRedisConnectionDetails.Standalone.of(LocalPorts.HOST, redis.port());
      return new DataRedisConnectionDetails() {

        @Override
        public DataRedisConnectionDetails.Standalone getStandalone() {
          return standalone;
        }
      };
    }
  }
}
