package io.wasmhive.procedure.derive.sql;

import io.wasmhive.procedure.derive.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which SQL a derivation may run, on tokens (never on raw text, so a word inside a string literal or a
 * quoted identifier is data): exactly one statement; a query only a read-only {@code SELECT} or
 * {@code WITH … SELECT}; a change only {@code INSERT}, {@code UPDATE} or {@code DELETE}; the schema only
 * {@code CREATE TABLE} and {@code CREATE [UNIQUE] INDEX}; nowhere anything whose result could differ between
 * two replays of the same log (the lists below, documented in docs/derivations.md). Stateless; thread-safe.
 */
public final class SqlGuard {

  /** Words that start another statement or reach outside the database; refused wherever they are not the verb. */
  static final Set<String> STATEMENT_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE",
      "DROP", "ALTER", "TRUNCATE", "CALL", "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "SAVEPOINT", "RUNSCRIPT", "SCRIPT",
      "BACKUP", "SHUTDOWN", "EXECUTE", "PREPARE", "CHECKPOINT", "DECLARE", "ANALYZE", "COMMENT", "SHOW", "HELP",
      "EXPLAIN", "TABLESAMPLE", "FINAL", "LINKED", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "BEGIN",
      "RELEASE");

  /** Functions and constructs that read a clock, a random source, the session, the engine or the file system. */
  static final Set<String> NONDETERMINISTIC = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
      "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP", "SYSTIME", "TODAY", "GETDATE", "RAND", "RANDOM",
      "RANDOM_UUID", "UUID", "SECURE_RAND", "GEN_RANDOM_UUID", "SYS_GUID", "NEWID", "NEXTVAL", "CURRVAL", "LASTVAL",
      "SEQUENCE", "IDENTITY", "SCOPE_IDENTITY", "LAST_INSERT_ID", "ROWNUM", "_ROWID_", "USER", "CURRENT_USER",
      "SESSION_USER", "SYSTEM_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "CURRENT_PATH", "SESSION_ID",
      "TRANSACTION_ID", "MEMORY_FREE", "MEMORY_USED", "H2VERSION", "DATABASE", "DATABASE_PATH", "DISK_SPACE_USED",
      "LOCK_MODE", "LOCK_TIMEOUT", "READONLY", "SLEEP", "CANCEL_SESSION", "ABORT_SESSION", "FILE_READ", "FILE_WRITE",
      "CSVREAD", "CSVWRITE", "LINK_SCHEMA", "INFORMATION_SCHEMA", "ANY_VALUE", "TOP", "RANDOMBLOB", "DATETIME",
      "JULIANDAY", "UNIXEPOCH", "STRFTIME", "TIMEDIFF", "CHANGES", "TOTAL_CHANGES", "LAST_INSERT_ROWID",
      "LOAD_EXTENSION", "FTS3_TOKENIZER", "ROWID", "OID");

  /**
   * Prefixes of SQLite's internals, refused as words and as quoted identifiers: {@code sqlite_master},
   * {@code sqlite_version()}, {@code sqlite_offset()} (a row's place in the file), {@code pragma_*} tables.
   */
  static final List<String> INTERNAL_PREFIXES = List.of("SQLITE_", "PRAGMA_");

  /** Names of a row's hidden key, which a restored snapshot numbers anew; refused quoted too. */
  static final Set<String> ROW_IDS = Set.of("ROWID", "OID", "_ROWID_");

  /** Date and time functions that share their name with a type: refused when called, not as {@code TIME(3)}. */
  static final Set<String> TYPED_FUNCTIONS = Set.of("DATE", "TIME");

  /** Aggregates whose result depends on the order rows arrive in, unless they are given one. */
  static final Set<String> ORDERED_AGGREGATES = Set.of("ARRAY_AGG", "LISTAGG", "STRING_AGG", "GROUP_CONCAT",
      "JSON_ARRAYAGG", "JSON_OBJECTAGG");

  /** Window functions that depend on the order of their window, which must therefore have an ORDER BY. */
  static final Set<String> ORDERED_WINDOWS = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "LAG", "LEAD",
      "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "PERCENT_RANK", "CUME_DIST");

  /** Words a schema may not use: generated keys, sequences, custom engines and anything outside one table. */
  static final Set<String> SCHEMA_REFUSED = Set.of("AUTO_INCREMENT", "AUTOINCREMENT", "SERIAL", "BIGSERIAL",
      "SMALLSERIAL", "GENERATED", "ENGINE", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "TRIGGER", "ALIAS", "SELECT");

  private static final Set<String> EXEC_VERBS = Set.of("INSERT", "UPDATE", "DELETE");

  private SqlGuard() {
  }

  /** Fails with {@link SqlRefusedException} unless {@code sql} is one deterministic read-only query. */
  public static void checkQuery(String sql) {
    List<SqlToken> tokens = oneStatement(sql);
    SqlToken verb = tokens.get(0);
    if (!verb.is("SELECT") && !verb.is("WITH") && !verb.isSymbol("(")) {
      throw new SqlRefusedException("only a read-only SELECT (or WITH ... SELECT) query is allowed here");
    }
    for (SqlToken t : tokens) {
      if (t.kind() == Kind.WORD && (STATEMENT_WORDS.contains(t.text()) || t.is("SET") || t.is("INTO"))) {
        throw new SqlRefusedException("a query may not contain " + t.text() + ": it must only read");
      }
    }
    checkDeterministic(tokens);
  }

  /** Fails with {@link SqlRefusedException} unless {@code sql} is one deterministic INSERT, UPDATE or DELETE. */
  public static void checkExec(String sql) {
    List<SqlToken> tokens = oneStatement(sql);
    SqlToken verb = tokens.get(0);
    if (verb.kind() != Kind.WORD || !EXEC_VERBS.contains(verb.text())) {
      throw new SqlRefusedException("only INSERT, UPDATE or DELETE is allowed here (the schema holds the DDL)");
    }
    for (SqlToken t : tokens.subList(1, tokens.size())) {
      if (t.kind() == Kind.WORD && STATEMENT_WORDS.contains(t.text())) {
        throw new SqlRefusedException("a statement may not contain " + t.text() + " after its " + verb.text());
      }
    }
    checkDeterministic(tokens);
  }

  /**
   * The schema's statements, each checked: {@code CREATE TABLE} or {@code CREATE [UNIQUE] INDEX}, with none of
   * the nondeterministic or refused words; fails with {@link SqlRefusedException}.
   */
  public static List<String> checkSchema(String ddl, int maxStatements) {
    List<List<SqlToken>> statements = split(SqlTokenizer.tokenize(ddl));
    if (statements.isEmpty()) {
      throw new SqlRefusedException("the schema has no statement; it needs at least one CREATE TABLE");
    }
    if (statements.size() > maxStatements) {
      throw new SqlRefusedException("the schema has " + statements.size() + " statements; at most " + maxStatements);
    }
    List<String> texts = new ArrayList<>();
    for (List<SqlToken> statement : statements) {
      checkSchemaStatement(statement);
      texts.add(SqlText.of(statement));
    }
    return texts;
  }

  private static void checkSchemaStatement(List<SqlToken> s) {
    boolean table = s.size() > 2 && s.get(0).is("CREATE") && s.get(1).is("TABLE");
    boolean index = s.size() > 2 && s.get(0).is("CREATE")
        && (s.get(1).is("INDEX") || (s.get(1).is("UNIQUE") && s.get(2).is("INDEX")));
    if (!table && !index) {
      throw new SqlRefusedException("a schema holds only CREATE TABLE and CREATE [UNIQUE] INDEX statements");
    }
    for (SqlToken t : s) {
      if (t.kind() == Kind.WORD && SCHEMA_REFUSED.contains(t.text())) {
        throw new SqlRefusedException("a schema may not use " + t.text());
      }
    }
    checkDeterministic(s);
  }

  private static List<SqlToken> oneStatement(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlRefusedException("the statement is empty");
    }
    List<List<SqlToken>> statements = split(SqlTokenizer.tokenize(sql));
    if (statements.size() != 1) {
      throw new SqlRefusedException("exactly one statement is allowed, found " + statements.size());
    }
    return statements.get(0);
  }

  /** Statements separated by {@code ;}; empty ones (a trailing {@code ;}) are dropped. */
  private static List<List<SqlToken>> split(List<SqlToken> tokens) {
    List<List<SqlToken>> statements = new ArrayList<>();
    List<SqlToken> current = new ArrayList<>();
    for (SqlToken t : tokens) {
      if (t.isSymbol(";")) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
    return statements;
  }

  private static void checkDeterministic(List<SqlToken> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      checkInternal(t);
      if (t.kind() != Kind.WORD) {
        continue;
      }
      if (TYPED_FUNCTIONS.contains(t.text()) && called(tokens, i)) {
        throw new SqlRefusedException(t.text() + "() reads the clock when given 'now': date and time functions are"
            + " not allowed; store ISO-8601 text and compute dates in the reducer");
      }
      if (NONDETERMINISTIC.contains(t.text())) {
        throw new SqlRefusedException(t.text() + " is not deterministic: a replay could get another result");
      }
      if (t.is("NEXT") && i + 1 < tokens.size() && tokens.get(i + 1).is("VALUE")) {
        throw new SqlRefusedException("NEXT VALUE FOR is not deterministic: sequences are not allowed");
      }
      if (ORDERED_AGGREGATES.contains(t.text()) && !ordered(tokens, i + 1, true)) {
        throw new SqlRefusedException(t.text() + " needs an ORDER BY (or WITHIN GROUP (ORDER BY ...))");
      }
      if (ORDERED_WINDOWS.contains(t.text()) && !ordered(tokens, i + 1, false)) {
        throw new SqlRefusedException(t.text() + " needs an OVER (... ORDER BY ...) window");
      }
    }
    LimitCheck.check(tokens);
  }

  /** Refuses names of SQLite's internals and of the hidden row id, whether written as words or quoted. */
  private static void checkInternal(SqlToken t) {
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENTIFIER) {
      return;
    }
    String name = t.text().toUpperCase(java.util.Locale.ROOT);
    if (t.kind() == Kind.QUOTED_IDENTIFIER && ROW_IDS.contains(name)) {
      throw new SqlRefusedException(t.text() + " is the hidden row id, which a snapshot does not keep");
    }
    for (String prefix : INTERNAL_PREFIXES) {
      if (name.startsWith(prefix)) {
        throw new SqlRefusedException(t.text() + " is an engine internal whose content can differ between replays");
      }
    }
  }

  /** Whether the word at {@code i} is called: a parenthesis follows that holds more than one integer. */
  private static boolean called(List<SqlToken> tokens, int i) {
    if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")) {
      return false;
    }
    boolean precision = i + 3 < tokens.size() && tokens.get(i + 2).kind() == Kind.NUMBER
        && tokens.get(i + 3).isSymbol(")");
    return !precision;
  }

  /**
   * Whether the call starting at {@code open} (a parenthesis) has an ORDER in its arguments ({@code inArguments}),
   * or is followed by {@code WITHIN GROUP (ORDER ...)} or {@code OVER (... ORDER ...)}.
   */
  private static boolean ordered(List<SqlToken> tokens, int open, boolean inArguments) {
    int close = SqlText.closing(tokens, open);
    if (close < 0) {
      return false;
    }
    if (inArguments && SqlText.containsWord(tokens, open, close, "ORDER")) {
      return true;
    }
    int next = close + 1;
    if (next < tokens.size() && (tokens.get(next).is("WITHIN") || tokens.get(next).is("OVER"))) {
      int group = tokens.get(next).is("WITHIN") ? next + 2 : next + 1;
      int end = SqlText.closing(tokens, group);
      return end > 0 && SqlText.containsWord(tokens, group, end, "ORDER");
    }
    return false;
  }
}
