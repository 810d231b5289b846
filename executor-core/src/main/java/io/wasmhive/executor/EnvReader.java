package io.wasmhive.executor;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Reads typed values from environment variables, naming the variable when a value is not valid. */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  void integer(String name, IntConsumer target) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return;
    }
    try {
      target.accept(Integer.parseInt(raw.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + raw + "'", e);
    }
  }

  void bool(String name, Consumer<Boolean> target) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return;
    }
    switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> target.accept(true);
      case "false", "0", "no", "off" -> target.accept(false);
      default -> throw new IllegalArgumentException(name + " must be true or false, got '" + raw + "'");
    }
  }
}
