package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.engine.HostFunctionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCatalogTest {

  private static final ValueType I32 = ValueType.I32;
  private static final ValueType I64 = ValueType.I64;
  private static final ValueType F64 = ValueType.F64;

  @Test
  void offersAllOfWasiPreview1TheHostAndDbModulesAndAssemblyScriptsEnv() {
    assertThat(HostCatalog.all()).hasSize(54);
    assertThat(HostCatalog.all().stream().filter(t -> t.module().equals(HostCatalog.WASI))).hasSize(46);
    assertThat(HostCatalog.all().stream().filter(t -> t.module().equals(HostCatalog.HOST))).hasSize(2);
    assertThat(HostCatalog.all().stream().filter(t -> t.module().equals(HostCatalog.DB)).map(HostFunctionType::name))
        .containsExactly("exec", "query", "error");
    assertThat(HostCatalog.all().stream().filter(t -> t.module().equals(HostCatalog.ENV)).map(HostFunctionType::name))
        .containsExactly("abort", "seed", "trace");
  }

  @Test
  void signaturesAreThoseOfTheLoweredWitx() {
    assertThat(HostEnvironment.lookup("wasi_snapshot_preview1", "path_open")).contains(HostFunctionType.of(
        "wasi_snapshot_preview1", "path_open", List.of(I32, I32, I32, I32, I32, I64, I64, I32, I32), List.of(I32)));
    assertThat(HostEnvironment.lookup("wasi_snapshot_preview1", "fd_seek")).get()
        .extracting(HostFunctionType::params).isEqualTo(List.of(I32, I64, I32, I32));
    assertThat(HostEnvironment.lookup("wasi_snapshot_preview1", "proc_exit")).get()
        .extracting(HostFunctionType::results).isEqualTo(List.of());
    assertThat(HostEnvironment.lookup("host", "rpc_call")).get()
        .extracting(HostFunctionType::params).isEqualTo(List.of(I32, I32, I32));
    assertThat(HostEnvironment.lookup("host", "progress")).get()
        .extracting(HostFunctionType::results).isEqualTo(List.of());
    assertThat(HostEnvironment.lookup("db", "exec")).contains(HostFunctionType.of(
        "db", "exec", List.of(I32, I32, I32, I32), List.of(I64)));
    assertThat(HostEnvironment.lookup("db", "query")).contains(HostFunctionType.of(
        "db", "query", List.of(I32, I32, I32, I32, I32), List.of(I32)));
    assertThat(HostEnvironment.lookup("db", "error")).contains(HostFunctionType.of(
        "db", "error", List.of(I32, I32), List.of(I32)));
    assertThat(HostEnvironment.lookup("env", "abort")).contains(HostFunctionType.of(
        "env", "abort", List.of(I32, I32, I32, I32), List.of()));
    assertThat(HostEnvironment.lookup("env", "seed")).contains(HostFunctionType.of(
        "env", "seed", List.of(), List.of(F64)));
    assertThat(HostEnvironment.lookup("env", "trace")).contains(HostFunctionType.of(
        "env", "trace", List.of(I32, I32, F64, F64, F64, F64, F64), List.of()));
    assertThat(HostEnvironment.lookup("env", "fd_write")).isEmpty();
    assertThat(HostEnvironment.lookup("env", "memory")).isEmpty();
    assertThat(HostEnvironment.lookup("wasi_snapshot_preview1", "sock_open")).isEmpty();
  }

  @Test
  void everyCatalogEntryIsBoundWithItsCatalogType() {
    Guest guest = new Guest();
    for (HostFunctionType type : HostCatalog.all()) {
      assertThat(guest.env.function(type.module(), type.name()).type()).isEqualTo(type);
    }
  }

  @Test
  void unimplementedCallsAnswerEnosysAndSocketsEnotsup() {
    Guest guest = new Guest();
    assertThat(guest.wasi("path_rename", 3, 0, 0, 3, 0, 0)).isEqualTo(Errno.NOSYS);
    assertThat(guest.wasi("fd_renumber", 1, 5)).isEqualTo(Errno.NOSYS);
    assertThat(guest.wasi("sock_accept", 3, 0, 0)).isEqualTo(Errno.NOTSUP);
    assertThat(guest.wasi("sock_send", 3, 0, 0, 0, 0)).isEqualTo(Errno.NOTSUP);
  }

  @Test
  void unknownFunctionIsRefused() {
    assertThatThrownBy(() -> new Guest().env.function("env", "console.log"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
