package io.wasmhive.workflow.access;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The service in secure mode, on embedded stores of its own ({@code target/it-data-secure}), with a signer (anvil's
 * first well-known development key; no chain is configured, so nothing can be sent) so that {@code execute:true}
 * reaches its access checks. The classes carrying it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.security.mode=secure",
    "wasmhive.data-dir=target/it-data-secure",
    "wasmhive.security.api-keys.hash-strength=4",
    "workflow.signer.key=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    "workflow.events.heartbeat=200ms"})
@interface SecureServiceTest {
}
