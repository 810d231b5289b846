package io.wasmhive.workflow.access;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.workflow.store.WorkflowApiClient;
import io.wasmhive.workflow.tx.Transactions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The callers of the secure-mode tests, each with a real API key: the owner of the workflows and another member of
 * its tenant (both may execute), a member of another tenant whose principal has the owner's name, an outsider of
 * that tenant, an administrator of a third tenant, the owner without the execute role, and the two callers without
 * valid credentials.
 */
final class TestCallers {

  /** Who calls. */
  enum Who { NONE, FORGED, OUTSIDER, NAMESAKE, PEER, OWNER_WITHOUT_ROLE, OWNER, ADMIN }

  static final String TENANT = "acme";
  static final String OWNER = "alice";

  private final Map<Who, String> tokens = new EnumMap<>(Who.class);
  private final int port;

  TestCallers(ApiKeys keys, int port) {
    this.port = port;
    tokens.put(Who.FORGED, "whk_" + UUID.randomUUID().toString().replace("-", "") + "_forged");
    tokens.put(Who.OUTSIDER, keys.issue("mallory", "globex", List.of(Transactions.EXECUTE_ROLE)).token());
    tokens.put(Who.NAMESAKE, keys.issue(OWNER, "globex", List.of(Transactions.EXECUTE_ROLE)).token());
    tokens.put(Who.PEER, keys.issue("bob", TENANT, List.of(Transactions.EXECUTE_ROLE)).token());
    tokens.put(Who.OWNER_WITHOUT_ROLE, keys.issue(OWNER, TENANT, List.of()).token());
    tokens.put(Who.OWNER, keys.issue(OWNER, TENANT, List.of(Transactions.EXECUTE_ROLE)).token());
    tokens.put(Who.ADMIN, keys.issue("root", "ops", List.of(Roles.ADMIN)).token());
  }

  /** The caller's bearer token, or null for {@link Who#NONE}. */
  String token(Who who) {
    return tokens.get(who);
  }

  /** The API as the caller. */
  WorkflowApiClient as(Who who) {
    WorkflowApiClient client = new WorkflowApiClient(port);
    return who == Who.NONE ? client : client.withBearer(token(who));
  }

  /** The headers an SSE client sends as the caller (name, value pairs). */
  String[] sseHeaders(Who who) {
    return who == Who.NONE ? new String[0] : new String[] {"Authorization", "Bearer " + token(who)};
  }
}
