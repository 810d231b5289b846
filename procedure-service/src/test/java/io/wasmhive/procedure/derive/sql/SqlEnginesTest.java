package io.wasmhive.procedure.derive.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Engines by name: the configured one, a stored name, the legacy default, and unknown names refused. */
class SqlEnginesTest {

  @Test
  void enginesAreFoundByTheNameADerivationStores() {
    SqlEngines engines = new SqlEngines("h2");
    assertThat(engines.names()).containsExactly("sqlite", "h2");
    assertThat(engines.configured()).isInstanceOf(H2Engine.class);
    assertThat(engines.of("sqlite")).isInstanceOf(SqliteEngine.class);
    assertThat(engines.of(null)).as("stored before engines were recorded").isInstanceOf(H2Engine.class);
    assertThat(new SqlEngines("sqlite").configured().name()).isEqualTo("sqlite");
  }

  @Test
  void unknownNamesAreRefused() {
    assertThatThrownBy(() -> new SqlEngines("postgres")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("derivation.sql-engine must be one of [sqlite, h2], got postgres");
    assertThatThrownBy(() -> new SqlEngines("sqlite").of("SQLite")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown SQL engine 'SQLite': one of [sqlite, h2]");
  }

  @Test
  void versionsNameTheLibrary() {
    assertThat(TestEngines.of("sqlite").version()).matches("3\\.\\d+\\.\\d+ \\(sqlite4j 3\\.\\d+\\.\\d+\\.\\d+\\)");
    assertThat(TestEngines.of("h2").version()).matches("2\\.\\d+\\.\\d+");
  }
}
