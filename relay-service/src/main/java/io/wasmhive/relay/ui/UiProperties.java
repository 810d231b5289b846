package io.wasmhive.relay.ui;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the dashboard finds the other services ({@code relay.ui}); the defaults live in the annotations below and
 * nowhere else. A URL left empty is the local layout of {@code scripts/run-local.sh}: {@code http://127.0.0.1:}
 * the relay's own port plus 1 (workflow), 2 (indexer) or 3 (procedure). The browser calls them cross-origin, so
 * each of those services must allow the relay's origin ({@code wasmhive.security.cors-allowed-origins}).
 *
 * @param workflowUrl workflow-service's base URL as the browser reaches it ({@code RELAY_UI_WORKFLOW_URL})
 * @param indexerUrl indexer-service's base URL ({@code RELAY_UI_INDEXER_URL})
 * @param procedureUrl procedure-service's base URL ({@code RELAY_UI_PROCEDURE_URL})
 */
@ConfigurationProperties("relay.ui")
record UiProperties(
    @DefaultValue("") String workflowUrl,
    @DefaultValue("") String indexerUrl,
    @DefaultValue("") String procedureUrl) {

  UiProperties {
    requireBaseUrl("relay.ui.workflow-url", workflowUrl);
    requireBaseUrl("relay.ui.indexer-url", indexerUrl);
    requireBaseUrl("relay.ui.procedure-url", procedureUrl);
  }

  /** The configured URL without a trailing slash, or the local default on the relay's port plus {@code offset}. */
  static String baseUrl(String configured, int relayPort, int offset) {
    if (configured.isEmpty()) {
      return "http://127.0.0.1:" + (relayPort + offset);
    }
    return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  private static void requireBaseUrl(String property, String value) {
    if (value.isEmpty()) {
      return;
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + " must be an http(s) URL, was '" + value + "'", e);
    }
    boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(property + " must be an http(s) URL with a host and no user, query or "
          + "fragment, was '" + value + "'");
    }
  }
}
