package io.wasmhive.procedure.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.ValueType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcedureStore} must do; extend it once per implementation. */
abstract class ProcedureStoreContract {

  String database;

  abstract ProcedureStore procedures();

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
  void countsTheProceduresOfATenantInEveryDatabaseAndKeepsTheirOwner() {
    String tenant = "tenant-" + database;
    assertThat(procedures().countByTenant(tenant)).isZero();
    procedures().insert(procedure("p", 1));
    procedures().insert(procedure("q", 1));
    String otherDatabase = database;
    database = "contract-" + UUID.randomUUID();
    Procedure elsewhere = procedure("r", 1);
    procedures().insert(new Procedure(elsewhere.database(), "r", "wasm", elsewhere.params(), elsewhere.returnType(),
        "d", elsewhere.export(), elsewhere.exportParams(), elsewhere.exportResult(), "abc", 532, elsewhere.limits(), 1,
        elsewhere.createdAt(), elsewhere.updatedAt(), tenant, "bob"));
    procedures().insert(procedure("s", 1));
    assertThat(procedures().countByTenant(tenant)).isEqualTo(3);
    assertThat(procedures().find(otherDatabase, "p")).map(Procedure::owner).contains("alice");
    assertThat(procedures().find(database, "r")).map(Procedure::tenant).contains(tenant);
    assertThat(procedures().find(database, "r")).map(Procedure::owner).contains("bob");
  }

  private Procedure procedure(String name, long version) {
    Instant created = Instant.parse("2026-01-02T03:04:05.678Z").truncatedTo(ChronoUnit.MILLIS);
    return new Procedure(database, name, "wasm",
        List.of(new Param("price", DataType.FLOAT), new Param("tier", DataType.INT)), DataType.FLOAT, "d",
        "calculate_discount", List.of(ValueType.F64, ValueType.I32), ValueType.F64, "abc", 532,
        new Limits(100, 5000, 10), version, created, created.plusSeconds(version), "tenant-" + database, "alice");
  }
}
