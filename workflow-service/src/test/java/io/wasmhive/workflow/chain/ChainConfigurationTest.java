package io.wasmhive.workflow.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Endpoints come from {@code workflow.chain.endpoints} and the {@code RPC_URL_<chainId>} variables only. */
class ChainConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(ChainConfiguration.class);

  @Test
  void readsDefaultsAndEndpointsFromBothSources() {
    runner.withPropertyValues("workflow.chain.endpoints.5=http://configured:8545",
        "workflow.chain.endpoints.7=http://configured:7545", "RPC_URL_7=http://variable:7545",
        "RPC_URL_31337=https://variable:8545/key", "RPC_URL_X=http://ignored", "RPC_URL_=http://ignored")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ChainEndpoints endpoints = context.getBean(ChainEndpoints.class);
          assertThat(endpoints.chainIds()).containsExactly(5L, 7L, 31337L);
          assertThat(endpoints.url(5)).contains(URI.create("http://configured:8545"));
          assertThat(endpoints.url(7)).as("the variable wins").contains(URI.create("http://variable:7545"));
          assertThat(endpoints.url(31337)).contains(URI.create("https://variable:8545/key"));
          SessionLimits limits = context.getBean(ReadOnlyRpc.class).limits();
          assertThat(limits).isEqualTo(new SessionLimits(Duration.ofSeconds(5), 50, 1_048_576, 4_194_304));
        });
  }

  @Test
  void readsLimits() {
    runner.withPropertyValues("workflow.chain.call-timeout=750ms", "workflow.chain.call-budget=3",
        "workflow.chain.max-response-bytes=2048", "workflow.chain.max-recorded-bytes=0").run(context ->
        assertThat(context.getBean(ReadOnlyRpc.class).limits())
            .isEqualTo(new SessionLimits(Duration.ofMillis(750), 3, 2048, 0)));
  }

  @Test
  void refusesAnEndpointThatIsNotAnHttpUrl() {
    runner.withPropertyValues("RPC_URL_1=file:///etc/passwd").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("the URL of chain 1 must be an http(s) URL"));
    runner.withPropertyValues("workflow.chain.endpoints.1=ftp://host").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("the URL of chain 1 must be an http(s) URL"));
  }

  @Test
  void refusesLimitsOutOfRange() {
    runner.withPropertyValues("workflow.chain.call-timeout=0s").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("call-timeout must be positive"));
    runner.withPropertyValues("workflow.chain.call-budget=-1").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("call-budget must not be negative"));
  }

  @Test
  void scansTheProcessEnvironmentsVariables() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test",
        Map.of("RPC_URL_11155111", " http://sepolia:8545 ", "RPC_URL_8453", "")));
    assertThat(EndpointVariables.scan(environment))
        .isEqualTo(Map.of(11155111L, URI.create("http://sepolia:8545")));
  }
}
