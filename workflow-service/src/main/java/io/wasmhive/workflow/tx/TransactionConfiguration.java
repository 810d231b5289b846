package io.wasmhive.workflow.tx;

import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.chain.ChainProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Executed runs: the signer from {@code workflow.signer.*} (loaded at start-up, which fails on a bad key or
 * keystore), and its sender on the configured chain endpoints; none when no signer is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignerProperties.class)
class TransactionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TransactionConfiguration.class);

  @Bean
  Transactions transactions(SignerProperties properties, ChainEndpoints endpoints, ChainProperties chain,
      MongoTemplate mongo) {
    Signer signer = Signer.load(properties);
    if (signer == null) {
      return new Transactions(null);
    }
    log.info("runs with execute:true send transactions from {}", signer.address());
    HttpClient http = HttpClient.newBuilder().connectTimeout(chain.callTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    return new Transactions(new TransactionSender(signer, properties, endpoints,
        new NodeClient(http, chain.callTimeout()), new SentTransactions(mongo, Clock.systemUTC())));
  }
}
