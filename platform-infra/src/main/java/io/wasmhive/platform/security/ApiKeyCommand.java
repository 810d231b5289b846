package io.wasmhive.platform.security;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line way to issue the first API key (an administrator's), run by any service's jar:
 * {@code java -jar relay-service.jar api-key create --principal ops --tenant ops --roles admin}. It starts the
 * service's context without a web server (on the same {@code MONGODB_URI} the service uses), issues the key,
 * prints its token once on standard output and exits. Spring options ({@code --spring.*}, {@code --wasmhive.*})
 * pass through.
 */
public final class ApiKeyCommand {

  private ApiKeyCommand() {
  }

  /**
   * Runs the command when {@code args} start with {@code api-key}; otherwise does nothing.
   *
   * @return whether the arguments were this command's (the caller then exits instead of starting the service)
   */
  public static boolean run(Class<?> application, String[] args) {
    if (args.length == 0 || !args[0].equals("api-key")) {
      return false;
    }
    int status = execute(application, Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
    System.exit(status);
    return true;
  }

  /**
   * Runs the command on {@code application}'s context with these arguments (after {@code api-key}): the token on
   * {@code out}, everything else on {@code err}. Blocks while the context starts and stops.
   *
   * @return the exit status: 0 issued, 1 the context did not start, 2 wrong arguments
   */
  public static int execute(Class<?> application, String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("api-key: " + e.getMessage());
      err.println("usage: api-key create --principal <name> --tenant <name> [--roles admin,modules:write]");
      return 2;
    }
    IssuedApiKey issued;
    // The service's console log is off for the command (standard output carries the token and nothing else).
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE).logStartupInfo(false).bannerMode(Banner.Mode.OFF)
        .properties("logging.threshold.console=OFF")
        .run(options.springArgs().toArray(String[]::new))) {
      issued = context.getBean(ApiKeys.class).issue(options.principal(), options.tenant(), options.roles());
    } catch (IllegalArgumentException e) {
      err.println("api-key: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("api-key: the service's context did not start: " + rootMessage(e));
      return 1;
    }
    out.println(issued.token());
    err.println("api-key: issued " + issued.key().id() + " for " + issued.key().principal() + " (tenant "
        + issued.key().tenant() + ", roles " + issued.key().roles() + "); the token is shown only this once");
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  record Options(String principal, String tenant, List<String> roles, List<String> springArgs) {

    static Options parse(String[] args) {
      if (args.length == 0 || !args[0].equals("create")) {
        throw new IllegalArgumentException("the only action is create");
      }
      String principal = null;
      String tenant = null;
      List<String> roles = new ArrayList<>();
      List<String> spring = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--principal" -> principal = value(args, ++i);
          case "--tenant" -> tenant = value(args, ++i);
          case "--roles" -> roles.addAll(Arrays.stream(value(args, ++i).split(",")).map(String::trim)
              .filter(r -> !r.isEmpty()).toList());
          default -> {
            if (!args[i].startsWith("--") || !args[i].contains("=")) {
              throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            spring.add(args[i]);
          }
        }
      }
      if (principal == null || tenant == null) {
        throw new IllegalArgumentException("--principal and --tenant are required");
      }
      return new Options(principal, tenant, roles, spring);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
