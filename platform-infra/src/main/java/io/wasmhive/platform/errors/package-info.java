/**
 * What every service tells a client about a failure that is not the client's: {@link
 * io.wasmhive.platform.errors.InternalErrors} turns it into a plain sentence with a reference and writes the
 * details (exception class, message, stack) to the log under that reference, never into a response body.
 */
package io.wasmhive.platform.errors;
