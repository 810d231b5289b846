package io.wasmhive.relay.ui;

import io.wasmhive.platform.security.PublicPaths;
import io.wasmhive.relay.ServesApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard, where the relay serves its API: {@code /ui} redirects to {@code /ui/}, which is
 * {@code static/ui/index.html} from the jar. The page and its assets are public (they hold no data); its
 * {@code config.json} and {@code pool} are behind the security chain like the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
@ServesApi
@EnableConfigurationProperties(UiProperties.class)
class UiConfiguration implements WebMvcConfigurer {

  /** The page and its static assets; nothing under these paths answers with data. */
  @Bean
  PublicPaths dashboardPublicPaths() {
    return PublicPaths.of("/ui", "/ui/", "/ui/index.html", "/ui/assets/**");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/ui", "/ui/");
    registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
  }
}
