package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import io.wasmhive.platform.security.PlatformSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The services' error page in their own error shape ({@link ShapedErrorController}), in place of Spring Boot's
 * (whose auto-configuration backs off when an {@link ErrorController} exists), Tomcat's error reports in the same
 * shape ({@link ShapedTomcatErrors}), multipart bodies parsed lazily, where the error advice sees their
 * failures, and a {@code Content-Type} that is no concrete media type refused with 415 ({@link ContentTypeFilter}),
 * forwarded headers Spring cannot read with 400 ({@link ForwardedHeadersFilter}).
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class,
    beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration"})
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(ErrorController.class)
public class ErrorPageAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ErrorController shapedErrorController(ErrorShape shape) {
    return new ShapedErrorController(shape);
  }

  /**
   * Multipart bodies parsed when a handler reads its parts, not before a handler is chosen: a body that does not
   * parse or is past the limit then fails inside the handler, where the service's error advice answers it. Parsed
   * eagerly, the failure reached no advice, and the error page's own dispatch parsed the body again and failed
   * again, leaving a 413 without a body (found by the HTTP fuzzer, docs/fuzzing-http.md).
   */
  @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  @ConditionalOnMissingBean(MultipartResolver.class)
  StandardServletMultipartResolver multipartResolver() {
    StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
    resolver.setResolveLazily(true);
    return resolver;
  }

  /** A {@code Content-Type} that is no concrete media type refused with 415, after the security chain. */
  @Bean
  FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(ErrorShape shape) {
    FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter(shape));
    registration.setOrder(0);
    return registration;
  }

  /** Forwarded headers Spring cannot read refused with 400, after the security chain. */
  @Bean
  FilterRegistrationBean<ForwardedHeadersFilter> forwardedHeadersFilter(ErrorShape shape) {
    FilterRegistrationBean<ForwardedHeadersFilter> registration =
        new FilterRegistrationBean<>(new ForwardedHeadersFilter(shape));
    registration.setOrder(0);
    return registration;
  }

  /** Tomcat's own error reports (what it refuses before a servlet runs) in the same shape. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
      "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"})
  static class TomcatErrors {

    @Bean
    ShapedTomcatErrors shapedTomcatErrors(ErrorShape shape) {
      return new ShapedTomcatErrors(shape);
    }
  }
}
