package io.wasmhive.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A service's application on a random loopback port, on embedded MongoDB and Redis started on ephemeral
 * ports with their data under {@code target/it-data}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "wasmhive.embedded.mongo.port=0",
    "wasmhive.embedded.redis.port=0",
    "wasmhive.data-dir=target/it-data"})
public @interface ServiceIntegrationTest {
}
