package io.wasmhive.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service authenticates callers ({@code wasmhive.security}); the defaults live in the annotations below
 * and nowhere else. JWTs are configured with Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}.
 *
 * @param mode {@code auto} (the default: local on loopback, refuse otherwise), {@code local} or {@code secure};
 *     {@code WASMHIVE_SECURITY_MODE}
 * @param apiKeys the API keys an administrator issues
 * @param jwt how a JWT's claims name the caller
 * @param headerIdentity identity headers set by a trusted proxy
 * @param corsAllowedOrigins the browser origins allowed to call the service; none by default, so a page of any
 *     other origin is refused
 */
@ConfigurationProperties("wasmhive.security")
public record SecurityProperties(
    @DefaultValue("auto") SecurityMode mode,
    @DefaultValue ApiKeys apiKeys,
    @DefaultValue Jwt jwt,
    @DefaultValue HeaderIdentity headerIdentity,
    @DefaultValue List<String> corsAllowedOrigins) {

  /**
   * @param enabled whether {@code Authorization: Bearer whk_…} keys are accepted in secure mode
   * @param collection the MongoDB collection of the keys, shared by the services of one database
   * @param cacheTtl how long a verified key is trusted without reading MongoDB again; a key revoked on another
   *     service stops working within this time (at once on the service that revoked it)
   * @param cacheSize verified keys kept at most; the oldest is dropped first
   * @param hashStrength the BCrypt cost of the stored hash (each fresh verification costs 2^strength rounds)
   */
  public record ApiKeys(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("api_keys") String collection,
      @DefaultValue("30s") Duration cacheTtl,
      @DefaultValue("10000") int cacheSize,
      @DefaultValue("10") int hashStrength) {

    public ApiKeys {
      if (cacheTtl.isNegative()) {
        throw new IllegalArgumentException("wasmhive.security.api-keys.cache-ttl must not be negative");
      }
      if (cacheSize < 1) {
        throw new IllegalArgumentException("wasmhive.security.api-keys.cache-size must be at least 1");
      }
      if (hashStrength < 4 || hashStrength > 31) {
        throw new IllegalArgumentException("wasmhive.security.api-keys.hash-strength must be 4..31");
      }
    }
  }

  /**
   * @param principalClaim the claim naming the principal
   * @param tenantClaim the claim naming the tenant; a token without it is its principal's own tenant
   * @param rolesClaim the claim listing roles (an array of strings or one space-separated string)
   */
  public record Jwt(
      @DefaultValue("sub") String principalClaim,
      @DefaultValue("tenant") String tenantClaim,
      @DefaultValue("roles") String rolesClaim) {
  }

  /**
   * @param enabled whether identity headers are read at all (secure mode only, and only from trusted proxies)
   * @param trustedProxies the proxy addresses (IP or CIDR) whose identity headers are believed; a request from
   *     any other address is not authenticated by headers, whatever it sends
   * @param principalHeader the header naming the principal (the seed's {@code user_id})
   * @param tenantHeader the header naming the tenant; without it the principal is its own tenant
   * @param rolesHeader the header listing roles, comma-separated
   */
  public record HeaderIdentity(
      @DefaultValue("false") boolean enabled,
      @DefaultValue List<String> trustedProxies,
      @DefaultValue("user_id") String principalHeader,
      @DefaultValue("tenant_id") String tenantHeader,
      @DefaultValue("roles") String rolesHeader) {
  }
}
