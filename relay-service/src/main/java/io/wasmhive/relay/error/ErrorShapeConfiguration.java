package io.wasmhive.relay.error;

import io.wasmhive.platform.security.ErrorShape;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relay's shape for the security chain's refusals and the error page, so that a 401, 403 or a refusal of the
 * servlet container reads like every other relay error, with the relay's code for the status.
 */
@Configuration(proxyBeanMethods = false)
class ErrorShapeConfiguration {

  @Bean
  ErrorShape relayErrorShape() {
    return new ErrorShape() {
      @Override
      public Map<String, Object> body(String code, String message) {
        return RelayErrors.body(code, message);
      }

      @Override
      public String codeFor(int status) {
        return RelayError.ofFrameworkStatus(status).code();
      }
    };
  }
}
