package io.wasmhive.procedure.metrics;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Procedure calls are measured by {@code procedure.calls} and {@code procedure.call.duration} (tagged by procedure,
 * database and outcome), so they are left out of Spring's {@code http.server.requests} observation, whose tags,
 * timer look-up and context cost about a tenth of a call's request-thread time under load. Every other request
 * (create, list, get, drop, health) is still observed. Thread-safe; never blocks.
 */
@Configuration(proxyBeanMethods = false)
class CallObservations {

  private static final String PREFIX = "/procedures/";
  private static final String SUFFIX = "/call";

  @Bean
  ObservationPredicate procedureCallsOutsideHttpServerRequests() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext server && isCall(server.getCarrier()));
  }

  /** {@code POST /procedures/{name}/call}: the only POST path under {@code /procedures/} that ends in {@code /call}. */
  static boolean isCall(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.startsWith(PREFIX) && uri.endsWith(SUFFIX) && uri.length() > PREFIX.length() + SUFFIX.length()
        && "POST".equals(request.getMethod());
  }
}
