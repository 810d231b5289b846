package io.wasmhive.executor.internal.wasmtime;

import java.util.Locale;

/**
 * Which host architectures the bundled Wasmtime 7.0.1 may run guests on. Its Cranelift back end for aarch64
 * miscompiles plain guest heap accesses into a sandbox escape (CVE-2026-34971, GHSA-jhxm-h53p-jm7w, no fix in the
 * 7.x line), so on anything but x86-64 the engine refuses to start unless the JVM is started with
 * {@code -Dwasmhive.wasmtime.allow-unsafe-architecture=true} (for trusted modules on a developer's machine only).
 */
final class HostArchitecture {

  /** The system property that lets the engine start on an architecture with a known sandbox escape. */
  static final String OVERRIDE = "wasmhive.wasmtime.allow-unsafe-architecture";

  private HostArchitecture() {
  }

  /** Refuses a host architecture other than x86-64, unless overridden. */
  static void requireSafe(String osArch, boolean overridden) {
    String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
    if (arch.equals("amd64") || arch.equals("x86_64") || overridden) {
      return;
    }
    throw new IllegalStateException("Refusing to run untrusted WebAssembly on " + osArch + ": the bundled Wasmtime "
        + "7.0.1 has a known sandbox escape on aarch64 (CVE-2026-34971) and is only trusted on x86-64. Run on an "
        + "x86-64 host (linux/amd64 images), or set -D" + OVERRIDE + "=true for trusted modules only.");
  }

  /** {@link #requireSafe(String, boolean)} for this JVM. */
  static void requireSafe() {
    requireSafe(System.getProperty("os.arch"), Boolean.getBoolean(OVERRIDE));
  }
}
