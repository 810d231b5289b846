package io.wasmhive.procedure.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.engine.ValueType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcedureStore} and {@link ModuleBytesStore} must do; extend it once per implementation. */
abstract class ProcedureStoreContract {

  String database;

  abstract ProcedureStore procedures();

  abstract ModuleBytesStore modules();

  @BeforeEach
  void freshDatabase() {
    database = "contract-" + UUID.randomUUID();
  }

  @Test
  void aProcedureIsKeyedByDatabaseAndName() {
    assertThat(procedures().insert(procedure("b", 1))).isTrue();
    assertThat(procedures().insert(procedure("a", 1))).isTrue();
    assertThat(procedures().insert(procedure("a", 1))).isFalse();

    assertThat(procedures().find(database, "a")).contains(procedure("a", 1));
    assertThat(procedures().find("other-" + database, "a")).isEmpty();
    assertThat(procedures().list(database)).extracting(Procedure::name).containsExactly("a", "b");
  }

  @Test
  void aReplaceSucceedsOnlyAtTheExpectedVersion() {
    procedures().insert(procedure("p", 1));
    assertThat(procedures().replace(procedure("p", 2), 1)).isTrue();
    assertThat(procedures().replace(procedure("p", 3), 1)).isFalse();
    assertThat(procedures().find(database, "p")).map(Procedure::version).contains(2L);
    assertThat(procedures().replace(procedure("absent", 2), 1)).isFalse();
    assertThat(procedures().find(database, "absent")).isEmpty();
  }

  @Test
  void aDeleteRemovesOnlyThatProcedure() {
    procedures().insert(procedure("p", 1));
    procedures().insert(procedure("q", 1));
    assertThat(procedures().delete(database, "p")).isTrue();
    assertThat(procedures().delete(database, "p")).isFalse();
    assertThat(procedures().list(database)).extracting(Procedure::name).containsExactly("q");
  }

  @Test
  void moduleBytesAreStoredOncePerHash() {
    String hash = "contract-" + UUID.randomUUID();
    byte[] bytes = {0, 'a', 's', 'm', 1, 0, 0, 0};
    modules().put(hash, bytes);
    modules().put(hash, bytes);
    assertThat(modules().get(hash)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(bytes));
    assertThat(modules().get("contract-missing-" + hash)).isEmpty();
    assertThat(storedCopies(hash)).isEqualTo(1);
  }

  @Test
  void recentModuleHashesAreDistinctMostRecentFirstAndLimited() {
    // Far in the future, so that procedures of other tests sharing the store are older.
    Instant base = Instant.parse("2999-01-01T00:00:00Z").plusMillis(System.currentTimeMillis() % 1_000_000 * 1000);
    String tag = UUID.randomUUID().toString();
    procedures().insert(withModule(procedure("old", 1), "h1-" + tag, base));
    procedures().insert(withModule(procedure("mid", 1), "h2-" + tag, base.plusSeconds(1)));
    procedures().insert(withModule(procedure("new", 1), "h2-" + tag, base.plusSeconds(2)));
    procedures().insert(withModule(procedure("newest", 1), "h3-" + tag, base.plusSeconds(3)));
    assertThat(procedures().recentModuleHashes(2)).containsExactly("h3-" + tag, "h2-" + tag);
    assertThat(procedures().recentModuleHashes(3)).containsExactly("h3-" + tag, "h2-" + tag, "h1-" + tag);
    assertThat(procedures().recentModuleHashes(0)).isEmpty();
  }

  private static Procedure withModule(Procedure p, String hash, Instant updatedAt) {
    return new Procedure(p.database(), p.name(), p.language(), p.params(), p.returnType(), p.description(), p.export(),
        p.exportParams(), p.exportResult(), hash, p.moduleSize(), p.limits(), p.version(), p.createdAt(), updatedAt);
  }

  /** How many copies of the module the store holds. */
  abstract long storedCopies(String hash);

  private Procedure procedure(String name, long version) {
    Instant created = Instant.parse("2026-01-02T03:04:05.678Z").truncatedTo(ChronoUnit.MILLIS);
    return new Procedure(database, name, "wasm",
        List.of(new Param("price", DataType.FLOAT), new Param("tier", DataType.INT)), DataType.FLOAT, "d",
        "calculate_discount", List.of(ValueType.F64, ValueType.I32), ValueType.F64, "abc", 532,
        new Limits(100, 5000, 10), version, created, created.plusSeconds(version));
  }
}
