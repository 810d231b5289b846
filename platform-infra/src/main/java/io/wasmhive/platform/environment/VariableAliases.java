package io.wasmhive.platform.environment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Keeps the seeds' variable names working for properties Spring knows by other names: each variable set (to
 * text) in the environment, read with the environment's own precedence, becomes its property in a property source
 * placed next to the system environment. For the services' {@code EnvironmentPostProcessor}s; stateless.
 */
public final class VariableAliases {

  /** Where the mapped values rank. */
  public enum Rank {
    /** Above the system environment (below system properties and the command line). */
    ABOVE_SYSTEM_ENVIRONMENT,
    /** Below the system environment (above configuration files). */
    BELOW_SYSTEM_ENVIRONMENT
  }

  private VariableAliases() {
  }

  /**
   * Adds a property source named {@code sourceName} holding, for each variable of {@code aliases} that has text,
   * its trimmed value under the property name it maps to; adds nothing when no variable is set.
   */
  public static void add(ConfigurableEnvironment environment, String sourceName, Map<String, String> aliases,
      Rank rank) {
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
    if (!sources.contains(systemEnvironment)) {
      sources.addLast(source);
    } else if (rank == Rank.ABOVE_SYSTEM_ENVIRONMENT) {
      sources.addBefore(systemEnvironment, source);
    } else {
      sources.addAfter(systemEnvironment, source);
    }
  }
}
