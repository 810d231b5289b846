package io.wasmhive.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The one security chain of every service. Local mode: no credentials, every request the local administrator,
 * loopback host names only. Secure mode: stateless bearer authentication (API keys, JWTs) and trusted-proxy
 * headers; public paths open, {@code /admin/**} for administrators, everything else for any authenticated caller
 * (the services check tenants and owners). Both: CORS closed unless origins are configured.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class, beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web."
        + "OAuth2ResourceServerWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class WebSecurityConfiguration {

  private static final Log logger = LogFactory.getLog(WebSecurityConfiguration.class);

  @Bean
  EffectiveSecurity effectiveSecurity(SecurityProperties properties, Environment environment,
      ObjectProvider<ApiKeys> apiKeys, ObjectProvider<JwtDecoder> jwt) {
    boolean configured = (properties.apiKeys().enabled() && apiKeys.getIfAvailable() != null)
        || jwt.getIfAvailable() != null
        || (properties.headerIdentity().enabled() && !properties.headerIdentity().trustedProxies().isEmpty());
    SecurityMode mode = BindGuard.effectiveMode(properties.mode(), environment.getProperty("server.address"),
        configured);
    if (mode == SecurityMode.LOCAL) {
      logger.warn("*** LOCAL SECURITY MODE: no authentication, every caller is an administrator. The listener "
          + "binds loopback only; set WASMHIVE_SECURITY_MODE=secure before exposing this service. ***");
    } else {
      logger.info("Secure mode: API keys " + (properties.apiKeys().enabled() ? "on" : "off") + ", JWT "
          + (jwt.getIfAvailable() != null ? "on" : "off") + ", trusted-proxy headers "
          + (properties.headerIdentity().enabled() ? "on" : "off"));
    }
    return new EffectiveSecurity(mode);
  }

  /**
   * No Micrometer observation per security filter: with them the chain cost about 15 % of the relay's CPU per
   * request under load (JFR, docs/benchmarks.md); requests are measured by the services' own meters.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityResponses securityResponses(ErrorShape shape) {
    return new SecurityResponses(shape);
  }

  @Bean
  @ConditionalOnBean(ApiKeys.class)
  ApiKeyController apiKeyController(ApiKeys keys, ErrorShape shape) {
    return new ApiKeyController(keys, shape);
  }

  @Bean
  SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, EffectiveSecurity security,
      SecurityProperties properties, SecurityResponses responses, ErrorShape shape,
      ObjectProvider<PublicPaths> publicPaths, ObjectProvider<ApiKeys> apiKeys, ObjectProvider<JwtDecoder> jwt,
      Environment environment) throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // The services set their own Cache-Control (immutable blocks, SSE); the rest of the headers stay.
        .headers(h -> h.cacheControl(c -> c.disable()))
        .exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
        .addFilterAt(corsFilter(properties.corsAllowedOrigins(), shape), CorsFilter.class);
    if (security.local()) {
      http.addFilterBefore(new LocalModeFilter(properties.headerIdentity().principalHeader(), responses),
          AuthorizationFilter.class);
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
      return http.build();
    }
    List<String> open = publicPaths.orderedStream().flatMap(p -> p.patterns().stream()).toList();
    boolean separateManagement = separateManagementPort(environment);
    http.authorizeHttpRequests(a -> {
      a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
      a.requestMatchers("/livez", "/readyz").permitAll();
      if (!open.isEmpty()) {
        a.requestMatchers(open.toArray(String[]::new)).permitAll();
      }
      // Actuator is served on the management port (loopback by default) and only there; on the main port it
      // needs an administrator.
      a.requestMatchers("/actuator/**").access((auth, request) ->
          new org.springframework.security.authorization.AuthorizationDecision(separateManagement
              || auth.get().getAuthorities().stream().anyMatch(g -> Roles.ADMIN.equals(g.getAuthority()))));
      a.requestMatchers("/admin/**").hasAuthority(Roles.ADMIN);
      a.anyRequest().authenticated();
    });
    BearerAuthentication bearer = new BearerAuthentication(
        properties.apiKeys().enabled() ? apiKeys.getIfAvailable() : null, jwtProvider(jwt, properties));
    http.oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> bearer)
        .authenticationEntryPoint(responses).accessDeniedHandler(responses));
    if (properties.headerIdentity().enabled()) {
      http.addFilterBefore(new TrustedProxyHeaderFilter(properties.headerIdentity()),
          BearerTokenAuthenticationFilter.class);
    }
    return http.build();
  }

  private static JwtAuthenticationProvider jwtProvider(ObjectProvider<JwtDecoder> jwt, SecurityProperties p) {
    JwtDecoder decoder = jwt.getIfAvailable();
    if (decoder == null) {
      return null;
    }
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(new JwtCallers(p.jwt()));
    return provider;
  }

  private static boolean separateManagementPort(Environment environment) {
    String management = environment.getProperty("management.server.port");
    return management != null && !management.equals(environment.getProperty("server.port", "8080"));
  }

  private static CorsFilter corsFilter(List<String> origins, ErrorShape shape) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
    cors.addAllowedHeader(CorsConfiguration.ALL);
    cors.setExposedHeaders(List.of("Location", "Retry-After", "X-Idempotent-Replay", "Last-Event-ID"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new ShapedCorsProcessor(shape));
    return filter;
  }
}
