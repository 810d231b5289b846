package io.wasmhive.workflow.tx;

import io.wasmhive.platform.environment.VariableAliases;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The signer's variables: {@code WORKFLOW_SIGNER_KEY} → {@code workflow.signer.key},
 * {@code WORKFLOW_SIGNER_KEYSTORE} → {@code workflow.signer.keystore}, {@code WORKFLOW_SIGNER_KEYSTORE_PASSWORD} →
 * {@code workflow.signer.keystore-password}. Set, they rank just below the system environment.
 */
public class SignerVariables implements EnvironmentPostProcessor {

  /** The name of the property source the variables go to. */
  public static final String PROPERTY_SOURCE_NAME = "workflowSignerVariables";

  static final Map<String, String> ALIASES = Map.of(
      "WORKFLOW_SIGNER_KEY", "workflow.signer.key",
      "WORKFLOW_SIGNER_KEYSTORE", "workflow.signer.keystore",
      "WORKFLOW_SIGNER_KEYSTORE_PASSWORD", "workflow.signer.keystore-password");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    VariableAliases.add(environment, PROPERTY_SOURCE_NAME, ALIASES, VariableAliases.Rank.BELOW_SYSTEM_ENVIRONMENT);
  }
}
