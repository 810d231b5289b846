/**
 * What every service tells a client about a failure, in one place: {@link
 * io.wasmhive.platform.errors.InternalErrors} turns a failure that is not the client's into a plain sentence with a
 * reference and writes the details (exception class, message, stack) to the log under that reference, never into a
 * response body; {@link io.wasmhive.platform.errors.ClientMessages} and {@link
 * io.wasmhive.platform.errors.FrameworkErrors} say what is wrong with a request without naming Java types; the
 * error page and Tomcat's error reports answer in the service's {@code ErrorShape} what is refused before a
 * controller runs.
 */
package io.wasmhive.platform.errors;
