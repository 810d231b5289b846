package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ShapedErrorReportValve} in place of the error report valves of the web server's host: Spring Boot's
 * (added by its own customizer, which runs before this one) and Tomcat's default. Thread-safe.
 */
final class ShapedTomcatErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

  private final ErrorShape shape;

  ShapedTomcatErrors(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Container host = context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.getPipeline().addValve(new ShapedErrorReportValve(shape));
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(ShapedErrorReportValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
