package io.wasmhive.platform.environment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Keeps environment variable names that are not their properties' own working, without a default of their own:
 * each variable that is set (and not blank) becomes its property, in a property source ranked just below the system
 * environment, so it beats configuration files while command-line arguments, system properties and Spring's own
 * variable names still beat it. A variable that is not set adds nothing, and the property keeps the default of its
 * {@code @ConfigurationProperties} record. Subclasses name the aliases and are registered in
 * {@code META-INF/spring.factories}.
 */
public abstract class VariableAliases implements EnvironmentPostProcessor {

  private final String sourceName;

  private final Map<String, String> aliases;

  /**
   * @param sourceName the name of the property source the aliases go to
   * @param aliases property name by variable name
   */
  protected VariableAliases(String sourceName, Map<String, String> aliases) {
    this.sourceName = sourceName;
    this.aliases = Map.copyOf(aliases);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> mapped = new LinkedHashMap<>();
    aliases.forEach((variable, property) -> {
      String value = environment.getProperty(variable);
      if (StringUtils.hasText(value)) {
        mapped.put(property, value.trim());
      }
    });
    if (mapped.isEmpty()) {
      return;
    }
    MapPropertySource source = new MapPropertySource(sourceName, mapped);
    MutablePropertySources sources = environment.getPropertySources();
    String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    if (sources.contains(systemEnvironment)) {
      sources.addAfter(systemEnvironment, source);
    } else {
      sources.addLast(source);
    }
  }
}
