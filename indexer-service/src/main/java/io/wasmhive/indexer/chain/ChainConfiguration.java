package io.wasmhive.indexer.chain;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.wasmhive.platform.chainwatch.MongoChainCursorStore;
import io.wasmhive.platform.chainwatch.Web3jChain;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The chain watcher's beans, only when {@code indexer.chain.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "indexer.chain", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ChainProperties.class)
class ChainConfiguration {

  /** Each JSON-RPC call: three attempts, 200 ms then 400 ms apart, before the poll fails and backs off. */
  static final RetryConfig RPC_RETRY = Web3jChain.DEFAULT_RETRY;

  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

  @Bean(destroyMethod = "shutdown")
  Web3j chainWeb3j(ChainProperties properties) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .callTimeout(RPC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .build();
    return Web3j.build(new HttpService(properties.rpcUrl(), http));
  }

  @Bean
  ChainWatcherLifecycle chainWatcher(Web3j chainWeb3j, ChainProperties properties, MongoTemplate mongo,
      ObjectProvider<RegistryEventSink> sinks) {
    RegistryEventSink sink = sinks.getIfAvailable(() -> {
      throw new IllegalStateException("indexer.chain.enabled=true needs a RegistryEventSink bean to hand events to");
    });
    RegistryLogSource source = new Web3jRegistryLogSource(chainWeb3j, properties.registry(),
        Retry.of("chain-rpc", RPC_RETRY));
    ChainWatcher watcher = new ChainWatcher(source, new MongoChainCursorStore(mongo, ChainCursorKey.COLLECTION, Clock.systemUTC()), sink,
        properties);
    return new ChainWatcherLifecycle(watcher, properties.pollInterval(), properties.maxBackoff());
  }
}
