package io.wasmhive.relay.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads permission rules from the MongoDB collection {@code relay_permission_rules}: documents
 * {@code {order, users: [..], modules: [..], effect: "allow"|"deny"}}, in ascending {@code order} (documents
 * without one first, then by insertion). A malformed document is skipped with a warning rather than failing
 * every check. Thread-safe; {@link #load()} blocks for one query.
 */
final class MongoPermissionRules {

  /** The collection the rules live in. */
  static final String COLLECTION = "relay_permission_rules";

  private static final Log logger = LogFactory.getLog(MongoPermissionRules.class);

  private final MongoTemplate mongo;

  MongoPermissionRules(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** All valid rules of the collection, in order; throws Spring's DataAccessException when MongoDB fails. */
  List<PermissionRule> load() {
    Query query = new Query().with(Sort.by(Sort.Order.asc("order"), Sort.Order.asc("_id")));
    List<PermissionRule> rules = new ArrayList<>();
    for (Document document : mongo.find(query, Document.class, COLLECTION)) {
      try {
        rules.add(toRule(document));
      } catch (RuntimeException malformed) {
        logger.warn("Skipping the malformed permission rule " + document.get("_id") + " in " + COLLECTION
            + ": " + malformed.getMessage());
      }
    }
    return List.copyOf(rules);
  }

  private static PermissionRule toRule(Document document) {
    Object effect = document.get("effect");
    if (!(effect instanceof String name)) {
      throw new IllegalArgumentException("effect must be \"allow\" or \"deny\"");
    }
    return new PermissionRule(strings(document.get("users"), "users"), strings(document.get("modules"), "modules"),
        PermissionRule.Effect.valueOf(name.trim().toUpperCase(Locale.ROOT)));
  }

  private static List<String> strings(Object value, String field) {
    if (value instanceof String single) {
      return List.of(single);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException(field + " must be a string or a list of strings");
  }
}
