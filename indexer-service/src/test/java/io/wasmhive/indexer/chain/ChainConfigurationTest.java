package io.wasmhive.indexer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.web3j.protocol.Web3j;

/** Which beans the chain configuration makes, and the errors a bad configuration gets. */
class ChainConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(ChainConfiguration.class)
      // A client that never connects: MongoClients connect lazily, and nothing here touches the store.
      .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:1"), "unused"));

  @Test
  void nothingIsMadeUnlessEnabled() {
    runner.run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(ChainWatcherLifecycle.class).doesNotHaveBean(Web3j.class));
    runner.withPropertyValues("indexer.chain.enabled=false", "indexer.chain.rpc-url=not a url")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChainWatcherLifecycle.class));
  }

  @Test
  void enabledWithoutAnEndpointFailsNamingTheKey() {
    runner.withPropertyValues("indexer.chain.enabled=true", "indexer.chain.registry-address=" + ChainPropertiesTest.ADDRESS)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("indexer.chain.rpc-url (or ETH_RPC_URL) must be an http(s) URL"));
  }

  @Test
  void enabledWithoutASinkFailsSayingWhatIsMissing() {
    runner.withPropertyValues("indexer.chain.enabled=true", "indexer.chain.rpc-url=http://127.0.0.1:1",
            "indexer.chain.registry-address=" + ChainPropertiesTest.ADDRESS)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("needs a RegistryEventSink bean"));
  }
}
