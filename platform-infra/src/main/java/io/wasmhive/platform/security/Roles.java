package io.wasmhive.platform.security;

/** The roles the services check; an API key or a token's roles claim carries them. */
public final class Roles {

  /** Everything: other tenants' resources, API keys, the registry's names. */
  public static final String ADMIN = "admin";
  /** Upload modules, index CIDs and point aliases (indexer-service). */
  public static final String MODULES_WRITE = "modules:write";
  /** Follow every user's execution events at once (relay-service's watch-all). */
  public static final String EVENTS_WATCH_ALL = "events:watch-all";
  /** Send a workflow run's transactions ({@code "execute":true}, workflow-service), as the workflow's owner. */
  public static final String WORKFLOWS_EXECUTE = "workflows:execute";

  private Roles() {
  }
}
