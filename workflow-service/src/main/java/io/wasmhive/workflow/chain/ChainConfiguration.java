package io.wasmhive.workflow.chain;

import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Builds the read-only chain access from {@code workflow.chain} and the {@code RPC_URL_<chainId>} variables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
class ChainConfiguration {

  @Bean
  ChainEndpoints chainEndpoints(ChainProperties properties, ConfigurableEnvironment environment) {
    return ChainEndpoints.merge(properties.endpoints(), EndpointVariables.scan(environment));
  }

  @Bean
  ReadOnlyRpc readOnlyRpc(ChainEndpoints endpoints, ChainProperties properties) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(properties.callTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    return new ReadOnlyRpc(endpoints, properties.limits(), client);
  }
}
