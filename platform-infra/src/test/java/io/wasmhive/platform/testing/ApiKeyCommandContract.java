package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first administrator's key from a service's own command line ({@code java -jar <service>.jar api-key create
 * …}): the service's whole context starts without a web server and issues the key. Extend it once per service.
 */
public abstract class ApiKeyCommandContract {

  /**
   * The command turns the console log off for its own JVM; in a test JVM that would silence every later test's
   * service log (tests that read the log would see nothing), so the tests keep it on.
   */
  public static final String KEEP_CONSOLE_LOG = "--logging.threshold.console=TRACE";

  @TempDir
  protected Path dataDir;

  /** The service's application class, as its jar's main class runs it. */
  protected abstract Class<?> application();

  @Test
  void theServicesOwnContextIssuesTheFirstKey() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ApiKeyCommand.execute(application(), new String[] {"create", "--principal", "ops", "--tenant", "ops",
        "--roles", "admin", "--wasmhive.data-dir=" + dataDir, "--wasmhive.embedded.mongo.port=0",
        "--wasmhive.embedded.redis.port=0", KEEP_CONSOLE_LOG}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).matches("whk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
  }
}
