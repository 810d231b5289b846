package io.wasmhive.executor;

import java.util.ServiceLoader;

/** Holds the {@link ExecutorProvider} on the class path, loaded once on first use. */
final class InstalledProvider {

  static final ExecutorProvider PROVIDER = ServiceLoader
      .load(ExecutorProvider.class, ExecutorProvider.class.getClassLoader()).findFirst()
      .orElseThrow(() -> new IllegalStateException("executor-core's META-INF/services entry for "
          + ExecutorProvider.class.getName() + " is missing from the class path"));

  private InstalledProvider() {
  }
}
