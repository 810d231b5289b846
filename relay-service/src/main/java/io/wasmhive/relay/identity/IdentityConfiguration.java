package io.wasmhive.relay.identity;

import io.wasmhive.platform.security.EffectiveSecurity;
import io.wasmhive.platform.security.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The identity resolver, in every mode (the SSE servlet and the names API use it as well as the intent API): the
 * authenticated caller in secure mode, the seed's headers or anonymous in local mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

  /** The relay's health, served without credentials in secure mode (as {@code /livez} and {@code /readyz} are). */
  static final String HEALTH_PATH = "/intent/execute-wasm/health";

  @Bean
  PublicPaths relayPublicPaths() {
    return PublicPaths.of(HEALTH_PATH);
  }

  @Bean
  IdentityResolver identityResolver(IdentityProperties properties, EffectiveSecurity security,
      Environment environment) {
    boolean secure = !security.local();
    if (secure && (environment.containsProperty("relay.identity.header-enabled")
        || environment.containsProperty("RELAY_HEADER_IDENTITY"))) {
      log.warn("relay.identity.header-enabled has no effect in secure mode: the user is the authenticated caller "
          + "(headers name a user only through wasmhive.security.header-identity from trusted proxies)");
    }
    return new IdentityResolver(properties.headerEnabled(), secure);
  }
}
