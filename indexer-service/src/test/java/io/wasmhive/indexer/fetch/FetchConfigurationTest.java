package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The fetcher bean from application.yml, where {@code IPFS_GATEWAYS} sets the gateways. */
class FetchConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer())
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
      .withUserConfiguration(FetchConfiguration.class);

  @Test
  void gatewaysComeFromIpfsGateways() {
    runner.withPropertyValues("IPFS_GATEWAYS=http://127.0.0.1:1, https://gw.example/base")
        .run(context -> assertThat(context.getBean(ModuleFetcher.class).gateways())
            .containsExactly("http://127.0.0.1:1", "https://gw.example/base"));
  }

  @Test
  void withoutIpfsGatewaysTheFetcherExistsButIsDisabled() {
    runner.run(context -> assertThat(context.getBean(ModuleFetcher.class).enabled()).isFalse());
  }

  @Test
  void aBadGatewayStopsTheStart() {
    runner.withPropertyValues("IPFS_GATEWAYS=ftp://gw.example")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("IPFS_GATEWAYS"));
  }
}
