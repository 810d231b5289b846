package io.wasmhive.workflow.chain;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The seed's per-chain variables {@code RPC_URL_<chainId>} (for example {@code RPC_URL_31337}), found by scanning
 * every enumerable property source of the environment (the process environment, system properties, the command
 * line, configuration files). Their names carry the chain id, so no fixed alias list can map them.
 */
final class EndpointVariables {

  private static final Pattern NAME = Pattern.compile("RPC_URL_(\\d{1,18})");

  private EndpointVariables() {
  }

  /** The endpoint of each chain named by a variable with text, read with the environment's precedence. */
  static Map<Long, URI> scan(ConfigurableEnvironment environment) {
    Map<Long, URI> found = new TreeMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          Matcher m = NAME.matcher(name);
          String value = m.matches() ? environment.getProperty(name) : null;
          if (value != null && !value.isBlank()) {
            found.putIfAbsent(Long.parseLong(m.group(1)), parse(name, value.trim()));
          }
        }
      }
    }
    return found;
  }

  private static URI parse(String name, String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL", e);
    }
  }
}
